package dev.roster.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiRequestTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(value = {
        "org_01H|org_01H", "a b|a%20b", "../admin|..%2Fadmin", "x/y|x%2Fy", "a:b|a%3Ab", "é|%C3%A9", "a?b#c|a%3Fb%23c", "~._-|~._-",
    }, delimiter = '|')
    void pathValuesAreOneSegmentEach(String value, String encoded) {
        assertEquals("/api/v1/organizations/" + encoded + "/directories", ApiRequest.expand("/api/v1/organizations/{organization_id}/directories", value));
    }

    @Test
    void missingOrEmptyIdsAreRefusedBeforeAnythingIsSent() {
        assertThrows(IllegalArgumentException.class, () -> ApiRequest.expand("/api/v1/roles/{role_name}", ""));
        assertThrows(IllegalArgumentException.class, () -> ApiRequest.expand("/api/v1/roles/{role_name}", (String) null));
        assertThrows(IllegalArgumentException.class, () -> ApiRequest.expand("/api/v1/roles/{role_name}"));
    }

    @Test
    void queryValuesAreEncodedAndNullsLeftOut() {
        ApiRequest request = ApiRequest.get("/api/v1/events").query("types", "a.b,c d").query("after", null).query("limit", 5);
        assertEquals(URI.create("http://127.0.0.1:1/api/v1/events?types=a.b%2Cc%20d&limit=5"), request.uri(URI.create("http://127.0.0.1:1")));
    }
}
