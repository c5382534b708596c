module github.com/roster-dev/roster/sdks/go

go 1.22
