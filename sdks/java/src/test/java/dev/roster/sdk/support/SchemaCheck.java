package dev.roster.sdk.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The part of JSON Schema the management API's document uses, to check what the SDK sends
 * against it and to make a complete example of what the server answers.
 */
public final class SchemaCheck {
    private final JsonNode document;

    public SchemaCheck(JsonNode document) {
        this.document = document;
    }

    public JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            schema = document.at(ref.substring(1));
            if (schema.isMissingNode()) throw new IllegalArgumentException("unresolvable " + ref);
        }
        return schema;
    }

    /** Problems of {@code value} against {@code schema}; objects with properties are closed (no other keys). */
    public List<String> problems(JsonNode schema, JsonNode value, String at) {
        List<String> problems = new ArrayList<>();
        check(resolve(schema), value, at, problems);
        return problems;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> problems) {
        schema = resolve(schema);
        if (schema.has("anyOf")) {
            for (JsonNode branch : schema.get("anyOf")) if (problems(branch, value, at).isEmpty()) return;
            problems.add(at + ": " + value + " matches no branch of " + schema.get("anyOf"));
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) problems.add(at + ": " + value + " is not " + schema.get("const"));
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) listed |= allowed.equals(value);
            if (!listed) problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.has("type")) {
            List<String> types = new ArrayList<>();
            if (schema.get("type").isArray()) schema.get("type").forEach(type -> types.add(type.asText()));
            else types.add(schema.get("type").asText());
            if (types.stream().noneMatch(type -> is(type, value))) {
                problems.add(at + ": " + value + " is not " + types);
                return;
            }
        }
        if (value.isTextual()) {
            String text = value.asText();
            if (schema.has("minLength") && text.codePointCount(0, text.length()) < schema.get("minLength").asInt()) problems.add(at + ": shorter than " + schema.get("minLength"));
            if (schema.has("maxLength") && text.codePointCount(0, text.length()) > schema.get("maxLength").asInt()) problems.add(at + ": longer than " + schema.get("maxLength"));
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) problems.add(at + ": " + text + " does not match " + schema.get("pattern"));
            if ("date-time".equals(schema.path("format").asText())) {
                try {
                    OffsetDateTime.parse(text);
                } catch (DateTimeParseException notATime) {
                    problems.add(at + ": " + text + " is not an RFC 3339 date-time");
                }
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) problems.add(at + ": below " + schema.get("minimum"));
            if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) problems.add(at + ": above " + schema.get("maximum"));
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) problems.add(at + ": fewer than " + schema.get("minItems") + " items");
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) problems.add(at + ": more than " + schema.get("maxItems") + " items");
            if (schema.has("items")) for (int i = 0; i < value.size(); i++) check(schema.get("items"), value.get(i), at + "[" + i + "]", problems);
        }
        if (value.isObject() && schema.has("properties")) {
            JsonNode properties = schema.get("properties");
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) problems.add(at + ": " + required.asText() + " is required");
            }
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                if (!properties.has(field.getKey())) problems.add(at + ": " + field.getKey() + " is not in the document");
                else check(properties.get(field.getKey()), field.getValue(), at + "." + field.getKey(), problems);
            }
        }
    }

    private static boolean is(String type, JsonNode value) {
        switch (type) {
            case "string":
                return value.isTextual();
            case "integer":
                return value.isIntegralNumber();
            case "number":
                return value.isNumber();
            case "boolean":
                return value.isBoolean();
            case "null":
                return value.isNull();
            case "array":
                return value.isArray();
            case "object":
                return value.isObject();
            default:
                return false;
        }
    }

    /**
     * A complete example of {@code schema}: every property present, nullable ones given a value, a
     * list with one item. Page tokens are empty and {@code has_more} false, so iterators stop.
     */
    public JsonNode example(JsonNode schema, String name) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        schema = resolve(schema);
        if (schema.has("anyOf")) {
            for (JsonNode branch : schema.get("anyOf")) if (!"null".equals(branch.path("type").asText())) return example(branch, name);
        }
        if (schema.has("const")) return schema.get("const");
        if (schema.has("enum")) return schema.get("enum").get(0);
        String type = schema.path("type").isArray() ? firstNonNull(schema.get("type")) : schema.path("type").asText("");
        switch (type) {
            case "string":
                if (name.equals("next_page_token") || name.equals("prev_page_token")) return json.textNode("");
                if ("date-time".equals(schema.path("format").asText())) return json.textNode("2024-01-02T03:04:05Z");
                return json.textNode(name + "-value");
            case "integer":
                return json.numberNode(schema.has("minimum") ? Math.max(schema.get("minimum").asInt(), 3) : 3600);
            case "number":
                return json.numberNode(1.5);
            case "boolean":
                return json.booleanNode(!name.equals("has_more"));
            case "array":
                return json.arrayNode().add(example(schema.path("items"), name));
            case "object": {
                ObjectNode object = json.objectNode();
                if (!schema.has("properties")) return object.put("key", "value");
                for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) object.set(property.getKey(), example(property.getValue(), property.getKey()));
                return object;
            }
            default:
                return json.objectNode().put("any", "value");
        }
    }

    private static String firstNonNull(JsonNode types) {
        for (JsonNode type : types) if (!"null".equals(type.asText())) return type.asText();
        return "null";
    }
}
