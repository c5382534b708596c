package dev.roster.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AccessTokenCacheTest {
    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        volatile long millis = Instant.parse("2026-05-01T12:00:00Z").toEpochMilli();

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    @Test
    void aTokenIsKeptUntilTheLastFifthOfItsLifetimeAtMostAMinuteBeforeItEnds() {
        MovableClock clock = new MovableClock();
        AtomicInteger issued = new AtomicInteger();
        AccessTokenCache tokens = new AccessTokenCache(() -> new AccessTokenCache.IssuedToken("token-" + issued.incrementAndGet(), 60), clock);
        assertEquals("token-1", tokens.get());
        clock.millis += 47_999;
        assertEquals("token-1", tokens.get(), "still fresh 48 s into 60 s");
        clock.millis += 1;
        assertEquals("token-2", tokens.get(), "renewed 12 s (a fifth) before it lapses");

        AtomicInteger hourly = new AtomicInteger();
        AccessTokenCache longLived = new AccessTokenCache(() -> new AccessTokenCache.IssuedToken("hour-" + hourly.incrementAndGet(), 3600), clock);
        longLived.get();
        clock.millis += 3_539_999;
        assertEquals("hour-1", longLived.get());
        clock.millis += 1;
        assertEquals("hour-2", longLived.get(), "renewed a minute before an hour-long token lapses, not 12 minutes");
    }

    @Test
    void aRefusedTokenIsForgottenButAnOlderRefusalDoesNotDropANewerToken() {
        MovableClock clock = new MovableClock();
        AtomicInteger issued = new AtomicInteger();
        AccessTokenCache tokens = new AccessTokenCache(() -> new AccessTokenCache.IssuedToken("token-" + issued.incrementAndGet(), 3600), clock);
        String first = tokens.get();
        tokens.invalidate(first);
        String second = tokens.get();
        assertEquals("token-2", second);
        tokens.invalidate(first); // a slow request that carried the first token comes back 401
        assertEquals("token-2", tokens.get());
    }

    @Test
    void concurrentCallersShareOneFetch() throws InterruptedException {
        AtomicInteger issued = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        AccessTokenCache tokens = new AccessTokenCache(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return new AccessTokenCache.IssuedToken("token-" + issued.incrementAndGet(), 3600);
        }, Clock.systemUTC());
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException interrupted) {
                    return;
                }
                seen.add(tokens.get());
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) thread.join();
        assertEquals(1, issued.get());
        assertEquals(Set.of("token-1"), seen);
    }
}
