package roster

import (
	"context"
	"net/http"
)

// Sample data is what "Send sample data" in the dashboard or the customer portal pushed into a
// directory: a few sample people and groups, so an admin sees the flow before connecting the IdP.
// They carry Sample (true) in the API and in their events' data.

// SampleDataCounts counts a directory's sample users and groups.
type SampleDataCounts struct {
	Users  int `json:"users"`
	Groups int `json:"groups"`
}

type sampleDataEnvelope struct {
	SampleData SampleDataCounts `json:"sample_data"`
}

type removedSampleDataEnvelope struct {
	Removed SampleDataCounts `json:"removed"`
}

func sampleDataPath(organizationID, directoryID string) string {
	return directoryPath(organizationID, directoryID) + "/sample_data"
}

// GetSampleData counts the directory's sample users and groups.
func (d *DirectoryClient) GetSampleData(ctx context.Context, organizationID, directoryID string) (*SampleDataCounts, error) {
	var envelope sampleDataEnvelope
	if err := d.c.call(ctx, request{method: http.MethodGet, path: sampleDataPath(organizationID, directoryID)}, &envelope); err != nil {
		return nil, err
	}
	return &envelope.SampleData, nil
}

// RemoveSampleData deletes the directory's sample users and groups as SCIM DELETEs would (with
// user_deleted and group_deleted events); what the IdP created stays. It returns how many went.
func (d *DirectoryClient) RemoveSampleData(ctx context.Context, organizationID, directoryID string) (*SampleDataCounts, error) {
	var envelope removedSampleDataEnvelope
	if err := d.c.call(ctx, request{method: http.MethodDelete, path: sampleDataPath(organizationID, directoryID)}, &envelope); err != nil {
		return nil, err
	}
	return &envelope.Removed, nil
}
