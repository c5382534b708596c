package roster

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"
	"time"
)

// JSON Schema, as the OpenAPI document writes it, read just enough to compare it with the Go
// models (compareModel), to check what the SDK sends (validateValue), and to make an answer holding
// every field (sampleValue).

type schema = map[string]any

type openAPIDocument struct {
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas map[string]schema `json:"schemas"`
	} `json:"components"`
}

func (d *openAPIDocument) resolve(s schema) schema {
	for {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s
		}
		s = d.Components.Schemas[strings.TrimPrefix(ref, "#/components/schemas/")]
	}
}

// nonNull splits a schema into the schema of its non-null values and whether null is allowed:
// `type: [string, null]` or `anyOf: [{...}, {type: null}]`.
func (d *openAPIDocument) nonNull(s schema) (schema, bool) {
	s = d.resolve(s)
	if types, ok := s["type"].([]any); ok {
		nullable := false
		var kept []any
		for _, t := range types {
			if t == "null" {
				nullable = true
			} else {
				kept = append(kept, t)
			}
		}
		copied := schema{}
		for k, v := range s {
			copied[k] = v
		}
		if len(kept) == 1 {
			copied["type"] = kept[0]
		} else {
			copied["type"] = kept
		}
		return copied, nullable
	}
	if branches, ok := s["anyOf"].([]any); ok {
		nullable := false
		var kept []schema
		for _, branch := range branches {
			if d.resolve(branch.(schema))["type"] == "null" {
				nullable = true
			} else {
				// Unresolved, so a reference to a component stays one.
				kept = append(kept, branch.(schema))
			}
		}
		if len(kept) == 1 {
			return kept[0], nullable
		}
	}
	return s, false
}

func properties(s schema) schema {
	props, _ := s["properties"].(schema)
	return props
}

func required(s schema) map[string]bool {
	names := map[string]bool{}
	if list, ok := s["required"].([]any); ok {
		for _, name := range list {
			names[name.(string)] = true
		}
	}
	return names
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

var (
	timeType    = reflect.TypeOf(time.Time{})
	rawJSONType = reflect.TypeOf(json.RawMessage{})
)

// jsonFields are a struct's fields by their JSON names, with whether they are omitempty.
func jsonFields(t reflect.Type) map[string]reflect.StructField {
	fields := map[string]reflect.StructField{}
	for i := 0; i < t.NumField(); i++ {
		field := t.Field(i)
		name, _, _ := strings.Cut(field.Tag.Get("json"), ",")
		if !field.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = field.Name
		}
		fields[name] = field
	}
	return fields
}

// modelTypes are the Go types of the document's components and the constants of the SDK's enum types.
type modelTypes struct {
	components map[string]reflect.Type
	enums      map[reflect.Type][]string
}

// componentName is the component a schema (or its non-null branch) refers to, or "".
func componentName(s, nonNull schema) string {
	for _, candidate := range []schema{s, nonNull} {
		if ref, ok := candidate["$ref"].(string); ok {
			return strings.TrimPrefix(ref, "#/components/schemas/")
		}
	}
	return ""
}

// compareModel lists where the Go type t disagrees with the schema s: fields missing on either
// side, types, nullability (nullable fields are pointers, others are not), and optional fields
// marked omitempty. enums are the constants of the Go string types that stand for enums.
func (d *openAPIDocument) compareModel(where string, s schema, t reflect.Type, models modelTypes) []string {
	value, nullable := d.nonNull(s)
	if t.Kind() == reflect.Pointer {
		if !nullable {
			return []string{fmt.Sprintf("%s: the document says it is never null, the SDK has %s", where, t)}
		}
		t = t.Elem()
	} else if nullable && t.Kind() != reflect.Slice && t.Kind() != reflect.Map && t.Kind() != reflect.Interface {
		return []string{fmt.Sprintf("%s: the document allows null, the SDK has %s (want a pointer)", where, t)}
	}
	if name := componentName(s, value); name != "" {
		// A component is compared with its model once, on its own; here only the type is checked.
		if want := models.components[name]; want != t {
			return []string{fmt.Sprintf("%s: the document says %s, the SDK has %s (want %s)", where, name, t, want)}
		}
		return nil
	}
	kind, _ := value["type"].(string)
	mismatch := func() []string {
		return []string{fmt.Sprintf("%s: the document says %s, the SDK has %s", where, describe(value), t)}
	}
	switch kind {
	case "string":
		if value["format"] == "date-time" {
			if t != timeType {
				return mismatch()
			}
			return nil
		}
		if t.Kind() != reflect.String {
			return mismatch()
		}
		if declared, ok := models.enums[t]; ok {
			return compareEnum(where, value, t, declared)
		}
		if t.PkgPath() != "" && t.Name() != "string" {
			return []string{fmt.Sprintf("%s: %s stands for an enum the test does not list (add its constants to enumConstants)", where, t)}
		}
	case "integer":
		if t.Kind() < reflect.Int || t.Kind() > reflect.Int64 {
			return mismatch()
		}
	case "number":
		if t.Kind() != reflect.Float64 && t.Kind() != reflect.Float32 {
			return mismatch()
		}
	case "boolean":
		if t.Kind() != reflect.Bool {
			return mismatch()
		}
	case "array":
		if t.Kind() != reflect.Slice || t == rawJSONType {
			return mismatch()
		}
		return d.compareModel(where+"[]", value["items"].(schema), t.Elem(), models)
	case "object":
		if props := properties(value); props != nil {
			if t.Kind() != reflect.Struct {
				return mismatch()
			}
			return d.compareStruct(where, value, t, models)
		}
		if t.Kind() != reflect.Map || t.Key().Kind() != reflect.String {
			return mismatch()
		}
	case "":
		// Any JSON value (an event's data): kept as raw JSON or decoded into an interface.
		if t != rawJSONType && t.Kind() != reflect.Interface {
			return mismatch()
		}
	default:
		return mismatch()
	}
	return nil
}

func (d *openAPIDocument) compareStruct(where string, s schema, t reflect.Type, models modelTypes) []string {
	var problems []string
	props, needed := properties(s), required(s)
	fields := jsonFields(t)
	for _, name := range sortedKeys(props) {
		field, ok := fields[name]
		if !ok {
			problems = append(problems, fmt.Sprintf("%s.%s: in the document, not in %s", where, name, t))
			continue
		}
		omitempty := strings.Contains(field.Tag.Get("json"), ",omitempty")
		if needed[name] && omitempty {
			problems = append(problems, fmt.Sprintf("%s.%s: required by the document, omitempty in %s", where, name, t))
		}
		if !needed[name] && !omitempty {
			problems = append(problems, fmt.Sprintf("%s.%s: optional in the document, not omitempty in %s", where, name, t))
		}
		problems = append(problems, d.compareModel(where+"."+name, props[name].(schema), field.Type, models)...)
	}
	for _, name := range sortedKeys(fields) {
		if _, ok := props[name]; !ok {
			problems = append(problems, fmt.Sprintf("%s.%s: in %s, not in the document", where, name, t))
		}
	}
	return problems
}

func compareEnum(where string, s schema, t reflect.Type, declared []string) []string {
	var documented []string
	if values, ok := s["enum"].([]any); ok {
		for _, v := range values {
			documented = append(documented, v.(string))
		}
	}
	sort.Strings(documented)
	have := append([]string(nil), declared...)
	sort.Strings(have)
	if fmt.Sprint(documented) != fmt.Sprint(have) {
		return []string{fmt.Sprintf("%s: the document's values are %v, %s has constants %v", where, documented, t, have)}
	}
	return nil
}

func describe(s schema) string {
	text, _ := json.Marshal(s)
	if len(text) > 160 {
		text = append(text[:160], "..."...)
	}
	return string(text)
}

// validateValue lists where a JSON value the SDK sends disagrees with the schema.
func (d *openAPIDocument) validateValue(where string, value any, s schema) []string {
	s = d.resolve(s)
	if branches, ok := s["anyOf"].([]any); ok {
		for _, branch := range branches {
			if len(d.validateValue(where, value, branch.(schema))) == 0 {
				return nil
			}
		}
		return []string{fmt.Sprintf("%s: %v fits none of %s", where, value, describe(s))}
	}
	if types, ok := s["type"].([]any); ok {
		for _, t := range types {
			narrowed := schema{}
			for k, v := range s {
				narrowed[k] = v
			}
			narrowed["type"] = t
			if len(d.validateValue(where, value, narrowed)) == 0 {
				return nil
			}
		}
		return []string{fmt.Sprintf("%s: %v fits none of the types of %s", where, value, describe(s))}
	}
	if constant, ok := s["const"]; ok && value != constant {
		return []string{fmt.Sprintf("%s: %v, the document wants %v", where, value, constant)}
	}
	if values, ok := s["enum"].([]any); ok {
		found := false
		for _, allowed := range values {
			found = found || allowed == value
		}
		if !found {
			return []string{fmt.Sprintf("%s: %v is not one of %v", where, value, values)}
		}
	}
	wrong := func() []string { return []string{fmt.Sprintf("%s: %#v does not fit %s", where, value, describe(s))} }
	switch s["type"] {
	case "null":
		if value != nil {
			return wrong()
		}
	case "string":
		text, ok := value.(string)
		if !ok {
			return wrong()
		}
		if s["format"] == "date-time" {
			if _, err := time.Parse(time.RFC3339Nano, text); err != nil {
				return wrong()
			}
		}
	case "integer":
		number, ok := value.(float64)
		if !ok || number != math.Trunc(number) {
			return wrong()
		}
	case "boolean":
		if _, ok := value.(bool); !ok {
			return wrong()
		}
	case "array":
		items, ok := value.([]any)
		if !ok {
			return wrong()
		}
		var problems []string
		for i, item := range items {
			problems = append(problems, d.validateValue(fmt.Sprintf("%s[%d]", where, i), item, s["items"].(schema))...)
		}
		return problems
	case "object":
		object, ok := value.(map[string]any)
		if !ok {
			return wrong()
		}
		var problems []string
		props := properties(s)
		for _, name := range sortedKeys(object) {
			if prop, known := props[name]; known {
				problems = append(problems, d.validateValue(where+"."+name, object[name], prop.(schema))...)
			} else if props != nil {
				problems = append(problems, fmt.Sprintf("%s.%s: sent, but not in the document", where, name))
			}
		}
		for name := range required(s) {
			if _, sent := object[name]; !sent {
				problems = append(problems, fmt.Sprintf("%s.%s: required by the document, not sent", where, name))
			}
		}
		return problems
	}
	return nil
}

// sampleValue is a value of the schema holding every property, optional ones too.
func (d *openAPIDocument) sampleValue(s schema) any {
	s, _ = d.nonNull(s)
	s = d.resolve(s)
	if constant, ok := s["const"]; ok {
		return constant
	}
	if values, ok := s["enum"].([]any); ok {
		return values[0]
	}
	switch s["type"] {
	case "string":
		if s["format"] == "date-time" {
			return "2026-01-02T03:04:05.678Z"
		}
		return "sample"
	case "integer":
		return 3600
	case "number":
		return 1.5
	case "boolean":
		return true
	case "array":
		return []any{d.sampleValue(s["items"].(schema))}
	case "object":
		props := properties(s)
		if props == nil {
			return map[string]any{"key": "value"}
		}
		object := map[string]any{}
		for name, prop := range props {
			object[name] = d.sampleValue(prop.(schema))
		}
		return object
	}
	return map[string]any{"id": "sample"}
}
