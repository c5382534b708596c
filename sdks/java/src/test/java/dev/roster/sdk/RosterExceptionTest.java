package dev.roster.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RosterExceptionTest {
    private static final HttpHeaders HEADERS = HttpHeaders.of(Map.of("retry-after", List.of("2")), (name, value) -> true);

    private static RosterException from(int status, String body) {
        return RosterException.fromResponse(status, body.getBytes(StandardCharsets.UTF_8), HEADERS);
    }

    @ParameterizedTest(name = "{0} is a {1}")
    @CsvSource({
        "400, BadRequestException", "401, AuthenticationException", "403, PermissionDeniedException", "404, NotFoundException",
        "409, ConflictException", "410, GoneException", "429, RateLimitException", "500, ServerException", "503, ServerException",
        "413, BadRequestException", "415, BadRequestException", "302, RosterException",
    })
    void eachStatusHasItsType(int status, String type) {
        RosterException error = from(status, "{\"code\":\"some_code\",\"message\":\"Some message\",\"details\":{\"parameter\":\"page_size\"}}");
        assertEquals(type, error.getClass().getSimpleName());
        assertEquals(status, error.getStatus());
        assertEquals("some_code", error.getCode());
        assertEquals("Some message", error.getMessage());
        assertEquals("page_size", error.getParameter());
        assertEquals("2", error.getHeaders().firstValue("retry-after").orElseThrow());
    }

    @Test
    void bodiesOfAnotherShapeKeepTheStatusAndWhatTextThereIs() {
        RosterException html = from(502, "<html>Bad gateway</html>");
        assertEquals("http_502", html.getCode());
        assertEquals("<html>Bad gateway</html>", html.getMessage());
        assertEquals(Map.of(), html.getDetails());

        RosterException empty = from(503, "");
        assertEquals("HTTP 503", empty.getMessage());

        RosterException otherJson = from(400, "{\"error\":\"invalid_request\"}");
        assertEquals("http_400", otherJson.getCode());
        assertNull(otherJson.getParameter());

        RosterException long_ = from(500, "x".repeat(2000));
        assertEquals(500, long_.getMessage().length());

        RosterException detailsNotAnObject = from(409, "{\"code\":\"already_exists\",\"message\":\"taken\",\"details\":[1]}");
        assertEquals(Map.of(), detailsNotAnObject.getDetails());
    }
}
