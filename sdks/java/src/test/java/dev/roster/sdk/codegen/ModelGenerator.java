package dev.roster.sdk.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes the classes of {@code dev.roster.sdk.models} from the server's OpenAPI document: one
 * class per {@code components.schemas} entry, one per object defined inline in a property, one
 * enum per string enum. {@link GeneratedModelsTest} fails when the committed files are not what
 * this makes from the document the server serves today.
 */
public final class ModelGenerator {
    public static final String PACKAGE = "dev.roster.sdk.models";

    /**
     * Inline objects and enums are named after their owner and property (Directory.stats ->
     * DirectoryStats, Organization.settings.features[] -> OrganizationSettingsFeature); these read
     * better under another name.
     */
    private static final Map<String, String> NAMES = Map.of(
            "RoleAssignments.assignments", "RoleAssignment",
            "AttributeMappings.attributes", "AttributeMapping",
            "WebhookDeliveryResponse.attempt_log", "WebhookDeliveryAttempt",
            "DirectoryEventSettingsResponse.event_settings", "DirectoryEventSettings");

    private final JsonNode schemas;
    private final Map<String, String> files = new TreeMap<>();

    private ModelGenerator(JsonNode document) {
        this.schemas = document.path("components").path("schemas");
        if (!schemas.isObject() || schemas.isEmpty()) throw new IllegalArgumentException("the document has no components.schemas");
    }

    /** File name (e.g. {@code Directory.java}) to source, sorted by name. */
    public static Map<String, String> generate(JsonNode document) {
        ModelGenerator generator = new ModelGenerator(document);
        for (Map.Entry<String, JsonNode> entry : generator.schemas.properties()) {
            generator.objectClass(entry.getKey(), entry.getValue(), "components.schemas." + entry.getKey());
        }
        return generator.files;
    }

    private record Field(String jsonName, String javaName, String type, boolean nullable, String description) {}

    /** A property's Java type, with the imports it needs. */
    private record JavaType(String name, String boxed, Set<String> imports) {
        static JavaType of(String name, String... imports) {
            return new JavaType(name, name, new TreeSet<>(List.of(imports)));
        }

        static JavaType primitive(String name, String boxed) {
            return new JavaType(name, boxed, new TreeSet<>());
        }
    }

    private void objectClass(String className, JsonNode schema, String origin) {
        if (files.containsKey(className + ".java")) throw new IllegalStateException(className + " is generated twice (" + origin + ")");
        files.put(className + ".java", ""); // reserved while its properties are generated
        JsonNode properties = schema.path("properties");
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));

        Set<String> imports = new TreeSet<>(List.of("com.fasterxml.jackson.annotation.JsonProperty"));
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            JsonNode propertySchema = property.getValue();
            boolean nullable = isNullable(propertySchema) || !required.contains(property.getKey());
            JavaType type = typeOf(className, property.getKey(), nonNull(propertySchema), origin + "." + property.getKey());
            imports.addAll(type.imports());
            String declared = nullable ? type.boxed() : type.name();
            if (declared.startsWith("List<") || declared.startsWith("Map<")) imports.add("java.util.Collections");
            fields.add(new Field(property.getKey(), camel(property.getKey()), declared, nullable, description(propertySchema)));
        }

        StringBuilder out = new StringBuilder();
        header(out, origin);
        out.append("package ").append(PACKAGE).append(";\n\n");
        for (String name : imports) out.append("import ").append(name).append(";\n");
        out.append('\n');
        javadoc(out, "", description(schema).isEmpty() ? "Generated from " + origin + "." : description(schema));
        out.append("public final class ").append(className).append(" extends ApiObject {\n");
        for (Field field : fields) {
            out.append("    @JsonProperty(\"").append(field.jsonName()).append("\")\n");
            out.append("    private ").append(field.type()).append(' ').append(field.javaName()).append(";\n");
        }
        out.append("\n    private ").append(className).append("() {}\n");
        for (Field field : fields) {
            String text = field.description().isEmpty() ? "`" + field.jsonName() + "`." : field.description();
            out.append('\n');
            javadoc(out, "    ", field.nullable() ? text + " May be null." : text);
            out.append("    public ").append(field.type()).append(' ').append(accessor("get", field)).append("() {\n");
            out.append("        return ").append(readOnly(field.type(), field.javaName())).append(";\n    }\n");
        }
        out.append("\n    public static Builder newBuilder() {\n        return new Builder();\n    }\n");
        out.append("\n    /** A builder holding this object's values, to make a changed copy. */\n");
        out.append("    public Builder toBuilder() {\n        Builder builder = new Builder();\n");
        for (Field field : fields) out.append("        builder.").append(field.javaName()).append(" = ").append(field.javaName()).append(";\n");
        out.append("        return builder;\n    }\n");
        out.append("\n    public static final class Builder {\n");
        for (Field field : fields) out.append("        private ").append(field.type()).append(' ').append(field.javaName()).append(";\n");
        out.append("\n        private Builder() {}\n");
        for (Field field : fields) {
            out.append("\n        public Builder ").append(accessor("set", field)).append('(').append(field.type()).append(' ').append(field.javaName()).append(") {\n");
            out.append("            this.").append(field.javaName()).append(" = ").append(copy(field.type(), field.javaName())).append(";\n");
            out.append("            return this;\n        }\n");
        }
        out.append("\n        public ").append(className).append(" build() {\n");
        out.append("            ").append(className).append(" built = new ").append(className).append("();\n");
        for (Field field : fields) out.append("            built.").append(field.javaName()).append(" = ").append(field.javaName()).append(";\n");
        out.append("            return built;\n        }\n    }\n}\n");
        files.put(className + ".java", out.toString());
    }

    /** Lists and maps are handed out read-only: a model is a value, not a container to change. */
    private static String readOnly(String type, String name) {
        if (type.startsWith("List<")) return name + " == null ? null : Collections.unmodifiableList(" + name + ")";
        if (type.startsWith("Map<")) return name + " == null ? null : Collections.unmodifiableMap(" + name + ")";
        return name;
    }

    /** Lists and maps are copied into unmodifiable ones, so a built object does not change under its holder. */
    private static String copy(String type, String name) {
        if (type.startsWith("List<")) return name + " == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(" + name + "))";
        if (type.startsWith("Map<")) return name + " == null ? null : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(" + name + "))";
        return name;
    }

    private JavaType typeOf(String owner, String property, JsonNode schema, String origin) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            return JavaType.of(ref.substring(ref.lastIndexOf('/') + 1));
        }
        // {} (any JSON value, e.g. an event's data) has no type to map to.
        if (!schema.has("type")) return JavaType.of("JsonNode", "com.fasterxml.jackson.databind.JsonNode");
        String type = schema.path("type").asText("");
        switch (type) {
            case "string":
                if (schema.has("enum")) return JavaType.of(enumClass(owner, property, schema, origin));
                if ("date-time".equals(schema.path("format").asText())) return JavaType.of("Instant", "java.time.Instant");
                return JavaType.of("String");
            case "integer":
                return JavaType.primitive("int", "Integer");
            case "number":
                return JavaType.primitive("double", "Double");
            case "boolean":
                return JavaType.primitive("boolean", "Boolean");
            case "array": {
                JavaType item = typeOf(owner, singular(property), nonNull(schema.path("items")), origin + "[]");
                JavaType list = JavaType.of("List<" + item.boxed() + ">", "java.util.List");
                list.imports().addAll(item.imports());
                return list;
            }
            case "object":
                if (schema.has("properties")) {
                    String name = inlineName(owner, property, origin);
                    objectClass(name, schema, origin);
                    return JavaType.of(name);
                }
                return JavaType.of("Map<String, Object>", "java.util.Map");
            default:
                throw new IllegalArgumentException(origin + ": no Java type for " + schema);
        }
    }

    private String enumClass(String owner, String property, JsonNode schema, String origin) {
        String name = inlineName(owner, property, origin);
        if (files.containsKey(name + ".java")) throw new IllegalStateException(name + " is generated twice (" + origin + ")");
        StringBuilder out = new StringBuilder();
        header(out, origin);
        out.append("package ").append(PACKAGE).append(";\n\n");
        out.append("import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;\n");
        out.append("import com.fasterxml.jackson.annotation.JsonProperty;\n\n");
        javadoc(out, "", description(schema).isEmpty() ? "Generated from " + origin + "." : description(schema));
        out.append("public enum ").append(name).append(" {\n");
        for (JsonNode value : schema.get("enum")) {
            out.append("    @JsonProperty(\"").append(value.asText()).append("\")\n");
            out.append("    ").append(constant(value.asText())).append("(\"").append(value.asText()).append("\"),\n");
        }
        out.append("    /** A value this version of the SDK does not know (the server is newer): it is read, not refused. */\n");
        out.append("    @JsonEnumDefaultValue\n    UNRECOGNIZED(null);\n\n");
        out.append("    private final String value;\n\n");
        out.append("    ").append(name).append("(String value) {\n        this.value = value;\n    }\n\n");
        out.append("    /** The value as the API spells it; null for UNRECOGNIZED. */\n");
        out.append("    public String getValue() {\n        return value;\n    }\n}\n");
        files.put(name + ".java", out.toString());
        return name;
    }

    private static String inlineName(String owner, String property, String origin) {
        for (Map.Entry<String, String> entry : NAMES.entrySet()) {
            if (origin.endsWith("." + entry.getKey()) || origin.endsWith("." + entry.getKey() + "[]")) return entry.getValue();
        }
        String pascal = pascal(property);
        // Directory.directory_provider -> DirectoryProvider rather than DirectoryDirectoryProvider.
        return pascal.startsWith(owner) ? pascal : owner + pascal;
    }

    private static boolean isNullable(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) for (JsonNode each : type) if ("null".equals(each.asText())) return true;
        for (JsonNode branch : schema.path("anyOf")) if ("null".equals(branch.path("type").asText())) return true;
        return false;
    }

    /** The schema without its null alternative: {@code type: [string, null]} or {@code anyOf: [X, {type: null}]}. */
    private static JsonNode nonNull(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            List<String> types = new ArrayList<>();
            type.forEach(each -> {
                if (!"null".equals(each.asText())) types.add(each.asText());
            });
            if (types.size() != 1) throw new IllegalArgumentException("a union of types has no Java type: " + schema);
            com.fasterxml.jackson.databind.node.ObjectNode copy = ((com.fasterxml.jackson.databind.node.ObjectNode) schema).deepCopy();
            copy.put("type", types.get(0));
            return copy;
        }
        if (schema.has("anyOf")) {
            List<JsonNode> branches = new ArrayList<>();
            schema.get("anyOf").forEach(branch -> {
                if (!"null".equals(branch.path("type").asText())) branches.add(branch);
            });
            if (branches.size() != 1) throw new IllegalArgumentException("anyOf with several non-null branches has no Java type: " + schema);
            com.fasterxml.jackson.databind.node.ObjectNode merged = branches.get(0).deepCopy();
            if (schema.has("description") && !merged.has("description")) merged.set("description", schema.get("description"));
            return merged;
        }
        return schema;
    }

    private static String description(JsonNode schema) {
        JsonNode description = schema.path("description");
        if (description.isTextual()) return description.asText();
        for (JsonNode branch : schema.path("anyOf")) if (branch.path("description").isTextual()) return branch.path("description").asText();
        return "";
    }

    private static void header(StringBuilder out, String origin) {
        out.append("// Generated from Roster's OpenAPI document (").append(origin).append(") by\n");
        out.append("// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, \"Models\").\n");
    }

    private static void javadoc(StringBuilder out, String indent, String text) {
        out.append(indent).append("/** ").append(escape(text)).append(" */\n");
    }

    /** Markdown-ish text as Javadoc: HTML escaped, `code` as {@code <code>}, no comment terminators or tags. */
    static String escape(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;").replace("@", "&#64;").replace("\n", " ");
        StringBuilder out = new StringBuilder();
        boolean open = false;
        for (char c : escaped.toCharArray()) {
            if (c == '`') {
                out.append(open ? "</code>" : "<code>");
                open = !open;
            } else {
                out.append(c);
            }
        }
        if (open) out.append("</code>");
        return out.toString();
    }

    static String camel(String snake) {
        String pascal = pascal(snake);
        return Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    static String pascal(String snake) {
        StringBuilder out = new StringBuilder();
        for (String part : snake.split("[_\\-.]")) {
            if (part.isEmpty()) continue;
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    private static String singular(String plural) {
        if (plural.endsWith("ies")) return plural.substring(0, plural.length() - 3) + "y";
        if (plural.endsWith("s") && !plural.endsWith("ss")) return plural.substring(0, plural.length() - 1);
        return plural;
    }

    private static String constant(String value) {
        String upper = value.replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
        return Character.isDigit(upper.charAt(0)) ? "_" + upper : upper;
    }

    private static String accessor(String prefix, Field field) {
        return prefix + Character.toUpperCase(field.javaName().charAt(0)) + field.javaName().substring(1);
    }
}
