package roster

// Test-only doors for the external test package (package roster_test).
var LiveURL = liveURL
