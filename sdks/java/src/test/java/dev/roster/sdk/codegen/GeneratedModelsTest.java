package dev.roster.sdk.codegen;

import static org.junit.jupiter.api.Assertions.fail;

import dev.roster.sdk.support.LiveRoster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The models come from the server's OpenAPI document, so they cannot drift from the server
 * unnoticed: this fails when a committed model is not what the document makes today (a field
 * renamed, retyped, added or removed; a schema added or gone). With {@code -Droster.generate=true}
 * it writes them instead.
 */
class GeneratedModelsTest {
    private static final Path MODELS = Path.of("src/main/java/dev/roster/sdk/models");
    private static final String MARKER = "// Generated from Roster's OpenAPI document";
    private static final String REGENERATE =
            "regenerate with `ROSTER_URL=... mvn -q test -Dtest=GeneratedModelsTest -Droster.generate=true` in sdks/java (README, Models)";

    @Test
    void committedModelsAreWhatTheServersDocumentMakes() throws IOException {
        Map<String, String> expected = ModelGenerator.generate(LiveRoster.openApiDocument());
        if (Boolean.getBoolean("roster.generate")) write(expected);
        Map<String, String> committed = committed();
        for (String name : expected.keySet()) {
            if (!committed.containsKey(name)) fail(name + " is missing from " + MODELS + "; " + REGENERATE);
            if (!expected.get(name).equals(committed.get(name))) fail(name + " is stale (" + firstDifference(expected.get(name), committed.get(name)) + "); " + REGENERATE);
        }
        for (String name : committed.keySet()) {
            if (!expected.containsKey(name)) fail(name + " is no longer in the document; " + REGENERATE);
        }
    }

    private static String firstDifference(String expected, String committed) {
        String[] want = expected.split("\n", -1);
        String[] got = committed.split("\n", -1);
        for (int line = 0; line < Math.max(want.length, got.length); line++) {
            String generated = line < want.length ? want[line] : "(end of file)";
            String present = line < got.length ? got[line] : "(end of file)";
            if (!generated.equals(present)) return "line " + (line + 1) + ": generated now \"" + generated.strip() + "\", committed \"" + present.strip() + "\"";
        }
        return "no line differs";
    }

    private static Map<String, String> committed() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(MODELS)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                String source = Files.readString(path, StandardCharsets.UTF_8);
                if (source.startsWith(MARKER)) files.put(path.getFileName().toString(), source);
            }
        }
        return files;
    }

    private static void write(Map<String, String> files) throws IOException {
        for (String stale : committed().keySet()) {
            if (!files.containsKey(stale)) Files.delete(MODELS.resolve(stale));
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(MODELS.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
    }
}
