package dev.roster.sdk.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.sdk.RosterJson;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the generator reads a document, on a small one written here (the real one is checked by GeneratedModelsTest). */
class ModelGeneratorTest {
    private static final String DOCUMENT = """
            {"components": {"schemas": {
              "Thing": {"type": "object", "description": "A <thing> with `code` & */ and @tags.",
                "properties": {
                  "id": {"type": "string"},
                  "count": {"type": "integer"},
                  "maybe_count": {"type": ["integer", "null"]},
                  "when": {"anyOf": [{"type": "string", "format": "date-time"}, {"type": "null"}], "description": "When."},
                  "thing_kind": {"type": "string", "enum": ["a-b", "c"]},
                  "state": {"type": "string", "enum": ["on"]},
                  "tags": {"type": "array", "items": {"type": "string"}},
                  "extra": {"type": "object", "additionalProperties": {}},
                  "payload": {"description": "anything"},
                  "parts": {"type": "array", "items": {"type": "object", "properties": {"n": {"type": "boolean"}}, "required": ["n"]}},
                  "other": {"$ref": "#/components/schemas/Other"}
                },
                "required": ["id", "count", "maybe_count", "when", "thing_kind", "state", "tags", "parts"]},
              "Other": {"type": "object", "properties": {"x": {"type": "number"}}, "required": ["x"]}
            }}}
            """;

    private static Map<String, String> generate(String document) {
        return ModelGenerator.generate(RosterJson.parse(document, JsonNode.class));
    }

    @Test
    void schemasInlineObjectsAndEnumsEachGetAFile() {
        assertEquals(Set.of("Thing.java", "Other.java", "ThingKind.java", "ThingState.java", "ThingPart.java"), generate(DOCUMENT).keySet());
    }

    @Test
    void typesFollowTheSchemaAndNullableOrOptionalFieldsAreBoxed() {
        String thing = generate(DOCUMENT).get("Thing.java");
        String[] expected = {
            "private String id;", "private int count;", "private Integer maybeCount;", "private Instant when;", "private ThingKind thingKind;",
            "private ThingState state;", "private List<String> tags;", "private Map<String, Object> extra;", "private JsonNode payload;",
            "private List<ThingPart> parts;", "private Other other;", "@JsonProperty(\"maybe_count\")", "public Integer getMaybeCount()",
            "public Builder setThingKind(ThingKind thingKind)", "/** When. May be null. */",
        };
        for (String line : expected) assertTrue(thing.contains(line), "Thing.java lacks " + line + ":\n" + thing);
        assertTrue(generate(DOCUMENT).get("ThingPart.java").contains("private boolean n;"));
        assertTrue(generate(DOCUMENT).get("Other.java").contains("private double x;"));
    }

    @Test
    void enumsKeepTheWireValueAndReadUnknownOnesAsUnrecognized() {
        String kind = generate(DOCUMENT).get("ThingKind.java");
        assertTrue(kind.contains("@JsonProperty(\"a-b\")\n    A_B(\"a-b\"),"), kind);
        assertTrue(kind.contains("@JsonEnumDefaultValue\n    UNRECOGNIZED(null);"), kind);
    }

    @Test
    void descriptionsAreSafeJavadoc() {
        String thing = generate(DOCUMENT).get("Thing.java");
        assertTrue(thing.contains("/** A &lt;thing&gt; with <code>code</code> &amp; *&#47; and &#64;tags. */"), thing);
    }

    @Test
    void aUnionOfTypesHasNoJavaTypeAndSaysWhere() {
        String union = "{\"components\": {\"schemas\": {\"Bad\": {\"type\": \"object\", \"properties\": {\"v\": {\"type\": [\"string\", \"integer\"]}}}}}}";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> generate(union)).getMessage().contains("union"));
        assertThrows(IllegalArgumentException.class, () -> generate("{\"paths\": {}}"));
    }
}
