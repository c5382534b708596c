package roster

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// The SDK against the OpenAPI document the live Roster serves (/api/openapi.json): every
// operation of the document has an SDK call here (a new operation without one fails), each call
// sends what the document describes (method, path, every query parameter and body field, with
// the right types), and decodes, with unknown fields refused, an answer holding every field the
// document has; and every schema of the document matches its Go model field for field.

type operation struct {
	ID         string `json:"operationId"`
	method     string
	path       string
	Parameters []struct {
		Name     string `json:"name"`
		In       string `json:"in"`
		Required bool   `json:"required"`
		Schema   schema `json:"schema"`
	} `json:"parameters"`
	RequestBody *struct {
		Required bool `json:"required"`
		Content  map[string]struct {
			Schema schema `json:"schema"`
		} `json:"content"`
	} `json:"requestBody"`
	Responses map[string]struct {
		Content map[string]struct {
			Schema schema `json:"schema"`
		} `json:"content"`
	} `json:"responses"`
}

func fetchDocument(t *testing.T) (*openAPIDocument, map[string]*operation) {
	t.Helper()
	base := liveURL(t)
	resp, err := http.Get(strings.TrimRight(base, "/") + "/api/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET /api/openapi.json answered %d", resp.StatusCode)
	}
	var document openAPIDocument
	if err := json.Unmarshal(raw, &document); err != nil {
		t.Fatal(err)
	}
	operations := map[string]*operation{}
	for path, item := range document.Paths {
		for method, rawOperation := range item {
			switch method {
			case "get", "put", "post", "delete", "patch", "head", "options", "trace":
			default:
				continue
			}
			op := &operation{method: strings.ToUpper(method), path: path}
			if err := json.Unmarshal(rawOperation, op); err != nil {
				t.Fatalf("%s %s: %v", method, path, err)
			}
			operations[op.ID] = op
		}
	}
	return &document, operations
}

func TestEveryComponentSchemaMatchesItsGoModel(t *testing.T) {
	document, _ := fetchDocument(t)
	models := modelTypes{components: map[string]reflect.Type{}, enums: enumConstants}
	for name, model := range componentModels {
		models.components[name] = reflect.TypeOf(model)
	}
	for _, name := range sortedKeys(document.Components.Schemas) {
		model, ok := models.components[name]
		if !ok {
			t.Errorf("components.schemas.%s has no Go model: add one and list it in componentModels", name)
			continue
		}
		for _, problem := range document.compareModel(name, document.Components.Schemas[name], model, models) {
			t.Error(problem)
		}
	}
	for _, name := range sortedKeys(componentModels) {
		if _, ok := document.Components.Schemas[name]; !ok {
			t.Errorf("componentModels lists %s, which the document no longer has", name)
		}
	}
}

// recorder stands in for Roster: it answers each request with a sample of the operation's answer
// holding every field, and keeps what it was sent.
type recorder struct {
	mu       sync.Mutex
	document *openAPIDocument
	current  *operation
	seen     []*http.Request
	bodies   [][]byte
}

func (r *recorder) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	r.mu.Lock()
	r.seen, r.bodies = append(r.seen, req), append(r.bodies, body)
	op := r.current
	r.mu.Unlock()
	if req.URL.Path == "/oauth/token" && op.ID != "getAccessToken" {
		writeJSON(w, 200, map[string]any{"access_token": "token", "token_type": "Bearer", "expires_in": 3600})
		return
	}
	status, answer := successOf(op)
	if answer == nil {
		w.WriteHeader(status)
		return
	}
	writeJSON(w, status, r.document.sampleValue(answer))
}

// successOf is the operation's 2xx status and the schema of its JSON answer (nil: no content).
func successOf(op *operation) (int, schema) {
	for _, code := range sortedKeys(op.Responses) {
		if strings.HasPrefix(code, "2") {
			status := 200
			fmt.Sscan(code, &status)
			if content, ok := op.Responses[code].Content["application/json"]; ok {
				return status, content.Schema
			}
			return status, nil
		}
	}
	return 200, nil
}

var templateParameter = regexp.MustCompile(`\\\{[a-z_]+\\\}`)

func pathPattern(template string) *regexp.Regexp {
	return regexp.MustCompile("^" + templateParameter.ReplaceAllString(regexp.QuoteMeta(template), `[^/]+`) + "$")
}

func TestEveryOperationOfTheDocumentHasAnSDKCallThatSendsWhatTheDocumentDescribes(t *testing.T) {
	document, operations := fetchDocument(t)
	for _, id := range sortedKeys(operations) {
		if _, ok := operationCalls[id]; !ok {
			op := operations[id]
			t.Errorf("the document's operation %s (%s %s) has no SDK method: add one and list it in operationCalls", id, op.method, op.path)
		}
	}
	for _, id := range sortedKeys(operationCalls) {
		if _, ok := operations[id]; !ok {
			t.Errorf("operationCalls lists %s, which the document no longer has", id)
		}
	}

	decodeStrictly = true
	defer func() { decodeStrictly = false }()
	fake := &recorder{document: document}
	server := httptest.NewServer(fake)
	defer server.Close()

	for _, id := range sortedKeys(operationCalls) {
		op, ok := operations[id]
		if !ok {
			continue
		}
		sentQuery, sentBody := map[string]bool{}, map[string]bool{}
		failed := false
		for index, call := range operationCalls[id] {
			where := fmt.Sprintf("%s (call %d)", id, index+1)
			fake.mu.Lock()
			fake.current, fake.seen, fake.bodies = op, nil, nil
			fake.mu.Unlock()
			sc := NewClient(server.URL, "client_id", "client_secret", WithRetryPolicy(RetryPolicy{MaxRetries: 0}))
			if err := call(context.Background(), sc); err != nil {
				t.Errorf("%s: the SDK call failed on an answer holding every field of the document: %v", where, err)
				failed = true
				continue
			}
			var calls []int
			for i, req := range fake.seen {
				if (req.URL.Path == "/oauth/token") == (id == "getAccessToken") {
					calls = append(calls, i)
				}
			}
			if len(calls) != 1 {
				t.Errorf("%s: %d requests for the operation, want 1", where, len(calls))
				failed = true
				continue
			}
			req, body := fake.seen[calls[0]], fake.bodies[calls[0]]
			for _, problem := range checkRequest(document, op, req, body, sentQuery, sentBody) {
				t.Errorf("%s: %s", where, problem)
			}
		}
		if failed {
			continue
		}
		for _, parameter := range op.Parameters {
			if parameter.In == "query" && !sentQuery[parameter.Name] {
				t.Errorf("%s: the query parameter %s is never sent: the SDK has no option for it", id, parameter.Name)
			}
		}
		if op.RequestBody != nil {
			if content, ok := op.RequestBody.Content["application/json"]; ok {
				for name := range properties(document.resolve(content.Schema)) {
					if !sentBody[name] {
						t.Errorf("%s: the body field %s is never sent: the SDK has no option for it", id, name)
					}
				}
			}
		}
	}
}

// checkRequest lists where one request disagrees with its operation, noting the query
// parameters and body fields it sent.
func checkRequest(document *openAPIDocument, op *operation, req *http.Request, body []byte, sentQuery, sentBody map[string]bool) []string {
	var problems []string
	if req.Method != op.method {
		problems = append(problems, fmt.Sprintf("sent %s, the document says %s", req.Method, op.method))
	}
	if !pathPattern(op.path).MatchString(req.URL.EscapedPath()) {
		problems = append(problems, fmt.Sprintf("sent to %s, the document's path is %s", req.URL.EscapedPath(), op.path))
	}
	declared := map[string]schema{}
	for _, parameter := range op.Parameters {
		if parameter.In == "query" {
			declared[parameter.Name] = parameter.Schema
		}
	}
	for name, values := range req.URL.Query() {
		parameterSchema, ok := declared[name]
		if !ok {
			problems = append(problems, fmt.Sprintf("sent the query parameter %s, which the document does not have", name))
			continue
		}
		sentQuery[name] = true
		problems = append(problems, document.validateValue("query "+name, queryValue(values[0], parameterSchema), parameterSchema)...)
	}
	var content *struct {
		Schema schema `json:"schema"`
	}
	if op.RequestBody != nil {
		if c, ok := op.RequestBody.Content["application/json"]; ok {
			content = &c
		}
	}
	switch {
	case content == nil && len(body) > 0:
		problems = append(problems, fmt.Sprintf("sent a body (%s) to an operation that takes none", body))
	case content != nil && len(body) == 0 && op.RequestBody.Required:
		problems = append(problems, "sent no body; the document requires one")
	case content != nil && len(body) > 0:
		if got := req.Header.Get("Content-Type"); got != "application/json" {
			problems = append(problems, fmt.Sprintf("sent Content-Type %q", got))
		}
		var value any
		if err := json.Unmarshal(body, &value); err != nil {
			return append(problems, fmt.Sprintf("sent a body that is not JSON: %s", body))
		}
		if object, ok := value.(map[string]any); ok {
			for name := range object {
				sentBody[name] = true
			}
		}
		problems = append(problems, document.validateValue("body", value, content.Schema)...)
	}
	return problems
}

// queryValue reads a query string value as the JSON type its schema says.
func queryValue(text string, s schema) any {
	switch s["type"] {
	case "integer":
		var number float64
		if _, err := fmt.Sscan(text, &number); err == nil {
			return number
		}
	case "boolean":
		if text == "true" || text == "false" {
			return text == "true"
		}
	}
	return text
}

// The checks above must be able to fail: a model missing a field, a field of the wrong type, a
// request to the wrong path, an unknown body field.
func TestTheDocumentChecksCatchDisagreements(t *testing.T) {
	document := &openAPIDocument{}
	document.Components.Schemas = map[string]schema{
		"Thing": {"type": "object", "required": []any{"id", "when"}, "properties": schema{
			"id":    schema{"type": "string"},
			"when":  schema{"type": "string", "format": "date-time"},
			"count": schema{"type": []any{"integer", "null"}},
			"kind":  schema{"type": "string", "enum": []any{"a", "b"}},
		}},
	}
	type kind string
	models := modelTypes{enums: map[reflect.Type][]string{reflect.TypeOf(kind("")): {"a", "b"}}}
	type good struct {
		ID    string    `json:"id"`
		When  time.Time `json:"when"`
		Count *int      `json:"count,omitempty"`
		Kind  kind      `json:"kind,omitempty"`
	}
	if problems := document.compareModel("Thing", document.Components.Schemas["Thing"], reflect.TypeOf(good{}), models); len(problems) != 0 {
		t.Fatalf("a matching model: %v", problems)
	}
	type bad struct {
		ID    int    `json:"id"`
		When  string `json:"when,omitempty"`
		Count int    `json:"count"`
		Extra bool   `json:"extra"`
	}
	problems := strings.Join(document.compareModel("Thing", document.Components.Schemas["Thing"], reflect.TypeOf(bad{}), models), "\n")
	for _, want := range []string{"Thing.id: the document says", "Thing.when: required by the document, omitempty", "Thing.when: the document says", "Thing.count: optional in the document, not omitempty", "Thing.count: the document allows null", "Thing.kind: in the document, not in", "Thing.extra: in ", "not in the document"} {
		if !strings.Contains(problems, want) {
			t.Errorf("missed %q in:\n%s", want, problems)
		}
	}
	if problems := compareEnum("kind", schema{"enum": []any{"a", "b", "c"}}, reflect.TypeOf(kind("")), []string{"a", "b"}); len(problems) != 1 {
		t.Errorf("a new enum value went unnoticed")
	}

	op := &operation{method: "PATCH", path: "/api/v1/things/{thing_id}"}
	op.RequestBody = &struct {
		Required bool `json:"required"`
		Content  map[string]struct {
			Schema schema `json:"schema"`
		} `json:"content"`
	}{Required: true, Content: map[string]struct {
		Schema schema `json:"schema"`
	}{"application/json": {Schema: schema{"type": "object", "properties": schema{"name": schema{"type": "string"}}}}}}
	req := httptest.NewRequest("PUT", "/api/v1/things/t1/extra?page_size=x", nil)
	req.Header.Set("Content-Type", "application/json")
	problems = strings.Join(checkRequest(document, op, req, []byte(`{"name":1,"nmae":"x"}`), map[string]bool{}, map[string]bool{}), "\n")
	for _, want := range []string{"sent PUT", "sent to /api/v1/things/t1/extra", "query parameter page_size", "body.name", "body.nmae: sent, but not in the document"} {
		if !strings.Contains(problems, want) {
			t.Errorf("missed %q in:\n%s", want, problems)
		}
	}
	if !pathPattern("/api/v1/organizations/{organization_id}/directories/{directory_id}:enable").MatchString("/api/v1/organizations/org_1/directories/dir_1:enable") {
		t.Error("a path with a custom method does not match its template")
	}
}
