package dev.roster.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionFailureTest {
    @Test
    void noServerAtAllIsAConnectionExceptionAfterTheRetries() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort(); // free once closed: nothing listens there
        }
        List<Duration> waits = new ArrayList<>();
        RosterClient unreachable = new RosterClient("http://127.0.0.1:" + port, "client", "secret", RosterClientOptions.newBuilder()
                .setRetryPolicy(RetryPolicy.DEFAULT.withMaxRetries(2).withBaseDelay(Duration.ofMillis(1)))
                .setSleeper(waits::add)
                .build());
        ConnectionException failed = assertThrows(ConnectionException.class, () -> unreachable.organizations().listOrganizations());
        assertEquals(0, failed.getStatus());
        assertEquals("connection_failed", failed.getCode());
        assertEquals(List.of(), waits, "the token request is a POST: a lost connection may have reached the server, so it is not sent again");
    }

    @Test
    void theClientRefusesWhatCannotBeARosterUrlOrCredentials() {
        assertThrows(IllegalArgumentException.class, () -> new RosterClient("", "id", "secret"));
        assertThrows(IllegalArgumentException.class, () -> new RosterClient("ftp://roster.example", "id", "secret"));
        assertThrows(IllegalArgumentException.class, () -> new RosterClient("https://roster.example", "id", " "));
        assertThrows(IllegalArgumentException.class, () -> new RosterClient("https://roster.example", "id", "secret").directories().getDirectory("org_1", ""));
    }
}
