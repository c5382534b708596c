package dev.roster.sdk.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.sdk.ListEventsOptions;
import dev.roster.sdk.NotFoundException;
import dev.roster.sdk.RosterClient;
import dev.roster.sdk.models.DirectoryGroup;
import dev.roster.sdk.models.DirectoryUser;
import dev.roster.sdk.models.Event;
import dev.roster.sdk.models.SampleDataCounts;
import dev.roster.sdk.support.LiveRoster;
import dev.roster.sdk.support.SampleData;
import dev.roster.sdk.support.Scim;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sample data ("Send sample data" in the portal) seen and removed through the SDK. */
class SampleDataTest {
    private final RosterClient client = LiveRoster.client();

    private static List<Integer> counts(SampleDataCounts counts) {
        return List.of(counts.getUsers(), counts.getGroups());
    }

    private List<DirectoryUser> users(Scim directory) {
        List<DirectoryUser> users = new ArrayList<>();
        client.directories().iterateDirectoryUsers(directory.organizationId, directory.directoryId).forEach(users::add);
        return users;
    }

    /** The directory's events of a type, read from the oldest until {@code count} are there (an event shows once every earlier commit is visible). */
    private List<Event> eventsOf(Scim directory, String type, int count) throws InterruptedException {
        ListEventsOptions filter = ListEventsOptions.newBuilder().setDirectoryId(directory.directoryId).setTypes(List.of(type)).build();
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            List<Event> events = new ArrayList<>();
            client.events().iterate(filter).forEach(events::add);
            if (events.size() >= count || System.nanoTime() > deadline) return events;
            Thread.sleep(200);
        }
    }

    @Test
    void sampleUsersAndGroupsAreMarkedCountedAndRemovedWithEventsLeavingRealUsers() throws InterruptedException {
        Scim directory = Scim.provision(client, "Sample");
        String org = directory.organizationId;
        String dir = directory.directoryId;
        String realId = directory.createUser("real.person@customer.example", "Real", "Person");
        assertEquals(List.of(0, 0), counts(client.directories().getSampleData(org, dir)));

        JsonNode pushed = SampleData.push(client.organizations().generatePortalLink(org).getLocation(), dir);
        assertEquals(List.of(8, 3, 0), List.of(pushed.get("users").asInt(), pushed.get("groups").asInt(), pushed.get("failed_requests").asInt()));

        assertEquals(List.of(8, 3), counts(client.directories().getSampleData(org, dir)));
        List<DirectoryUser> users = users(directory);
        assertEquals(9, users.size());
        Map<String, Boolean> marks = new HashMap<>();
        users.forEach(user -> marks.put(user.getId(), user.getSample()));
        assertNull(marks.remove(realId), "the real user carries no sample mark");
        assertEquals(List.of(true), marks.values().stream().distinct().toList(), "every other user is sample data");
        List<Boolean> groupMarks = new ArrayList<>();
        client.directories().iterateDirectoryGroups(org, dir).forEach((DirectoryGroup group) -> groupMarks.add(group.getSample()));
        assertEquals(List.of(true, true, true), groupMarks);
        assertNull(client.directories().getDirectoryUser(org, dir, realId).getSample());
        Map<String, Boolean> created = new HashMap<>();
        for (Event event : eventsOf(directory, "organization.directory.user_created", 9)) {
            JsonNode sample = event.getData().get("sample");
            created.put(event.getData().get("id").asText(), sample == null ? null : sample.asBoolean());
        }
        Map<String, Boolean> listed = new HashMap<>();
        users.forEach(user -> listed.put(user.getId(), user.getSample()));
        assertEquals(listed, created, "the events say sample too, and only for the sample users");

        assertEquals(List.of(8, 3), counts(client.directories().removeSampleData(org, dir)));
        assertEquals(List.of(realId), users(directory).stream().map(DirectoryUser::getId).toList());
        assertEquals(List.of(), client.directories().listDirectoryGroups(org, dir).getGroups());
        assertEquals(List.of(0, 0), counts(client.directories().getSampleData(org, dir)));
        List<String> deleted = new ArrayList<>(eventsOf(directory, "organization.directory.user_deleted", 8).stream().map(event -> event.getData().get("id").asText()).sorted().toList());
        assertEquals(listed.keySet().stream().filter(id -> !id.equals(realId)).sorted().toList(), deleted);
        assertEquals(List.of(0, 0), counts(client.directories().removeSampleData(org, dir)), "removing again removes nothing");
    }

    @Test
    void anotherOrganizationsDirectoryIsNotFound() {
        Scim mine = Scim.provision(client, "Mine");
        Scim theirs = Scim.provision(client, "Theirs");
        assertThrows(NotFoundException.class, () -> client.directories().getSampleData(mine.organizationId, theirs.directoryId));
        assertThrows(NotFoundException.class, () -> client.directories().removeSampleData(mine.organizationId, theirs.directoryId));
    }
}
