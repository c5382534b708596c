package dev.roster.sdk.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.sdk.BadRequestException;
import dev.roster.sdk.ListEventsOptions;
import dev.roster.sdk.NotFoundException;
import dev.roster.sdk.RosterClient;
import dev.roster.sdk.models.Event;
import dev.roster.sdk.models.ListEventsResponse;
import dev.roster.sdk.support.LiveRoster;
import dev.roster.sdk.support.Scim;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The ordered Events API: reading every event, and catching up from a stored cursor after downtime or a crash. */
class EventsCatchUpTest {
    private static final String USER_CREATED = "organization.directory.user_created";

    @Test
    void aCatchUpFromAStoredCursorReadsExactlyWhatHappenedSince() {
        RosterClient client = LiveRoster.client();
        Scim scim = Scim.provision(client, "Evented");
        ListEventsOptions ours = ListEventsOptions.newBuilder().setOrganizationId(scim.organizationId).setLimit(2).build();

        // The app's first start: everything so far, the cursor stored after each page.
        AtomicReference<String> stored = new AtomicReference<>();
        List<String> saves = new ArrayList<>();
        List<Event> first = new ArrayList<>();
        String cursor = client.events().catchUp(null, ours, first::add, saved -> {
            saves.add(saved);
            stored.set(saved);
        });
        assertEquals(stored.get(), cursor);
        List<String> types = first.stream().map(Event::getType).toList();
        assertTrue(types.contains("organization.directory.created") && types.contains("organization.directory.secret_created"), types.toString());
        assertTrue(saves.size() >= 2, "limit 2: several pages, each saved: " + saves);

        // Down for a while: three users arrive.
        List<String> users = List.of(
                scim.createUser("one@evented.example", "One", "User"),
                scim.createUser("two@evented.example", "Two", "User"),
                scim.createUser("three@evented.example", "Three", "User"));

        List<Event> caughtUp = new ArrayList<>();
        String next = client.events().catchUp(stored.get(), ours, caughtUp::add, stored::set);
        assertEquals(List.of(USER_CREATED, USER_CREATED, USER_CREATED), caughtUp.stream().map(Event::getType).toList(), "only what happened since, nothing read twice");
        assertEquals(users, caughtUp.stream().map(event -> event.getData().path("id").asText()).toList(), "in commit order");
        assertEquals(next, stored.get());

        List<Event> nothing = new ArrayList<>();
        String again = client.events().catchUp(stored.get(), ours, nothing::add, stored::set);
        assertEquals(List.of(), nothing, "caught up: nothing new");
        assertTrue(!again.isEmpty());

        // The Iterable over the same range gives the same events, and get(id) each of them.
        List<Event> iterated = new ArrayList<>();
        client.events().iterate(ListEventsOptions.newBuilder().setOrganizationId(scim.organizationId).setLimit(2).setAfter(cursor).build()).forEach(iterated::add);
        assertEquals(caughtUp, iterated);
        assertEquals(caughtUp.get(0), client.events().get(caughtUp.get(0).getId()));
    }

    @Test
    void aHandlerThatFailsMidwayResumesAtTheUnfinishedPage() {
        RosterClient client = LiveRoster.client();
        Scim scim = Scim.provision(client, "Crashy");
        ListEventsOptions users = ListEventsOptions.newBuilder().setOrganizationId(scim.organizationId).setTypes(List.of(USER_CREATED)).setLimit(2).build();
        AtomicReference<String> stored = new AtomicReference<>(client.events().catchUp(null, users, event -> {}, saved -> {}));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) ids.add(scim.createUser("crash" + i + "@example.com", "Crash", "Number" + i));

        // Pages [0, 1] and [2]: the handler dies on the third event, so the second page is unfinished.
        List<String> applied = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        IllegalStateException crash = assertThrows(IllegalStateException.class, () -> client.events().catchUp(stored.get(), users, event -> {
            seen.add(event.getId() + " " + event.getData().path("id").asText());
            if (event.getData().path("id").asText().equals(ids.get(2))) throw new IllegalStateException("the app's database went away");
            applied.add(event.getData().path("id").asText());
        }, stored::set));
        assertEquals("the app's database went away", crash.getMessage());
        assertEquals(ids.subList(0, 2), applied, "seen " + seen + ", stored " + stored.get() + ", ids " + ids);

        List<String> resumed = new ArrayList<>();
        client.events().catchUp(stored.get(), users, event -> resumed.add(event.getData().path("id").asText()), stored::set);
        assertEquals(List.of(ids.get(2)), resumed, "the unfinished page again, not the finished one");
    }

    @Test
    void badCursorsAndFiltersAreRefusedNamingTheParameter() {
        RosterClient client = LiveRoster.client();
        assertEquals("after", assertThrows(BadRequestException.class, () -> client.events().list(ListEventsOptions.newBuilder().setAfter("not-a-cursor").build())).getParameter());
        assertEquals("types", assertThrows(BadRequestException.class, () -> client.events().list(ListEventsOptions.newBuilder().setTypes(List.of("user.made_up")).build())).getParameter());
        assertEquals("limit", assertThrows(BadRequestException.class, () -> client.events().list(ListEventsOptions.newBuilder().setLimit(0).build())).getParameter());
        assertThrows(NotFoundException.class, () -> client.events().get("evt_unknown"));
        ListEventsResponse page = client.events().list(ListEventsOptions.newBuilder().setLimit(1).build());
        assertEquals(1, page.getEvents().size());
    }
}

