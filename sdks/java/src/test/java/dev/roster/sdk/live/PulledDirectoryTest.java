package dev.roster.sdk.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roster.sdk.BadRequestException;
import dev.roster.sdk.DirectorySourceFields;
import dev.roster.sdk.NotFoundException;
import dev.roster.sdk.PageOptions;
import dev.roster.sdk.RosterClient;
import dev.roster.sdk.models.Directory;
import dev.roster.sdk.models.DirectoryGroup;
import dev.roster.sdk.models.DirectoryProvider;
import dev.roster.sdk.models.DirectorySourceBamboohr;
import dev.roster.sdk.models.DirectorySourceBamboohrGroupBy;
import dev.roster.sdk.models.DirectorySourceConnectionKind;
import dev.roster.sdk.models.DirectoryStatus;
import dev.roster.sdk.models.DirectoryType;
import dev.roster.sdk.models.DirectoryUser;
import dev.roster.sdk.models.Organization;
import dev.roster.sdk.models.OrganizationSettingsFeature;
import dev.roster.sdk.models.SourceCredentialsInput;
import dev.roster.sdk.models.SyncRun;
import dev.roster.sdk.models.SyncRunStatus;
import dev.roster.sdk.models.SyncRunTrigger;
import dev.roster.sdk.support.LiveRoster;
import dev.roster.sdk.support.Scim;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A pulled directory (BambooHR) through the SDK, against a live Roster syncing from a fake BambooHR
 * (packages/server/test/support/sdk-suite.ts starts it with three employees in two departments of
 * one division, and sets ROSTER_BAMBOOHR_SUBDOMAIN and ROSTER_BAMBOOHR_API_KEY).
 */
class PulledDirectoryTest {
    private final RosterClient client = LiveRoster.client();

    private static String env(String name) {
        String value = System.getenv(name);
        assumeTrue(value != null && !value.isBlank(), "needs the fake BambooHR of the SDK test server: set " + name);
        return value;
    }

    /** Waits for a finished run that is not one of {@code seen}. */
    private SyncRun nextRun(String org, String dir, List<String> seen) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            List<SyncRun> runs = new ArrayList<>();
            client.directories().iterateDirectorySyncRuns(org, dir, PageOptions.newBuilder().setPageSize(2).build()).forEach(runs::add);
            for (SyncRun run : runs) if (run.getStatus() != SyncRunStatus.RUNNING && !seen.contains(run.getId())) return run;
            assertTrue(System.nanoTime() < deadline, "no run finished in time: " + runs);
            Thread.sleep(100);
        }
    }

    private List<String> groupNames(String org, String dir) {
        List<String> names = new ArrayList<>();
        client.directories().iterateDirectoryGroups(org, dir).forEach((DirectoryGroup group) -> names.add(group.getDisplayName()));
        return names;
    }

    @Test
    void bamboohrCreatedSyncedSyncedAgainHeldAndApproved() throws InterruptedException {
        String subdomain = env("ROSTER_BAMBOOHR_SUBDOMAIN");
        String apiKey = env("ROSTER_BAMBOOHR_API_KEY");
        Organization organization = client.organizations().createOrganization("Pulled " + UUID.randomUUID().toString().substring(0, 8));
        String org = organization.getId();
        client.organizations().updateOrganizationSettings(org, List.of(OrganizationSettingsFeature.newBuilder().setName("scim").setEnabled(true).build()));
        Directory directory = client.directories().createDirectory(org, DirectoryType.BAMBOOHR, "BambooHR", DirectorySourceFields.newBuilder()
                .setBamboohr(DirectorySourceBamboohr.newBuilder().setSubdomain(subdomain).build())
                .setCredentials(SourceCredentialsInput.newBuilder().setApiKey(apiKey).build())
                .setSyncIntervalMinutes(60)
                .build());
        String dir = directory.getId();
        assertEquals(DirectoryType.BAMBOOHR, directory.getDirectoryType());
        assertEquals(DirectoryProvider.BAMBOOHR, directory.getDirectoryProvider());
        assertEquals(60, directory.getSource().getSyncIntervalMinutes());
        assertEquals(DirectorySourceConnectionKind.API_KEY, directory.getSource().getConnection().getKind(), "the key itself is never returned");

        SyncRun first = nextRun(org, dir, List.of());
        assertEquals(List.of(SyncRunStatus.SUCCEEDED, SyncRunTrigger.SCHEDULE, 3, 3), List.of(first.getStatus(), first.getTrigger(), first.getCounts().getUsersSeen(), first.getCounts().getUsersCreated()));
        List<String> emails = new ArrayList<>();
        client.directories().iterateDirectoryUsers(org, dir).forEach((DirectoryUser user) -> emails.add(user.getEmail()));
        assertEquals(List.of("dorothy@acme.example", "katherine@acme.example", "mary@acme.example"), emails.stream().sorted().toList());
        assertEquals(3, groupNames(org, dir).size(), "two departments and a division");

        assertEquals(dir, client.directories().syncDirectory(org, dir).getId());
        SyncRun manual = nextRun(org, dir, List.of(first.getId()));
        assertEquals(List.of(SyncRunStatus.SUCCEEDED, SyncRunTrigger.MANUAL, 0), List.of(manual.getStatus(), manual.getTrigger(), manual.getCounts().getUsersCreated()));

        // Groups by division only: two of three groups would go, past the 20% threshold, so the run is held.
        Directory changed = client.directories().updateDirectorySource(org, dir, DirectorySourceFields.newBuilder()
                .setBamboohr(DirectorySourceBamboohr.newBuilder().setGroupBy(List.of(DirectorySourceBamboohrGroupBy.DIVISION)).build())
                .setSafetyThresholdPercent(20)
                .build());
        assertEquals(List.of(DirectorySourceBamboohrGroupBy.DIVISION), changed.getSource().getBamboohr().getGroupBy());
        SyncRun held = nextRun(org, dir, List.of(first.getId(), manual.getId()));
        assertEquals(SyncRunStatus.HELD, held.getStatus(), held.toString());
        assertEquals(2, held.getHeld().getGroupsDeleted());
        assertEquals(DirectoryStatus.NEEDS_REVIEW, client.directories().getDirectory(org, dir).getStatus());
        assertEquals(3, groupNames(org, dir).size(), "nothing removed until approved");

        SyncRun approved = client.directories().approveDirectorySyncRun(org, dir, held.getId());
        assertEquals(held.getId(), approved.getId());
        assertNotNull(approved.getApproveTime());
        SyncRun applied = nextRun(org, dir, List.of(first.getId(), manual.getId(), held.getId()));
        assertEquals(List.of(SyncRunStatus.SUCCEEDED, SyncRunTrigger.APPROVAL, 2), List.of(applied.getStatus(), applied.getTrigger(), applied.getCounts().getGroupsDeleted()));
        assertEquals(List.of("NASA"), groupNames(org, dir));
        assertThrows(BadRequestException.class, () -> client.directories().approveDirectorySyncRun(org, dir, held.getId()));
        assertThrows(NotFoundException.class, () -> client.directories().approveDirectorySyncRun(org, dir, "syncrun_missing"));
    }

    @Test
    void aScimDirectoryHasNoSourceToSync() {
        Scim scim = Scim.provision(client, "Pushed");
        assertNull(client.directories().getDirectory(scim.organizationId, scim.directoryId).getSource());
        assertThrows(BadRequestException.class, () -> client.directories().syncDirectory(scim.organizationId, scim.directoryId));
        assertThrows(BadRequestException.class, () -> client.directories().updateDirectorySource(scim.organizationId, scim.directoryId,
                DirectorySourceFields.newBuilder().setSyncIntervalMinutes(10).build()));
        assertThrows(BadRequestException.class, () -> client.directories().listDirectorySyncRuns(scim.organizationId, scim.directoryId));
    }
}
