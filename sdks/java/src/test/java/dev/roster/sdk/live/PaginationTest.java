package dev.roster.sdk.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.sdk.ListDirectoryGroupsOptions;
import dev.roster.sdk.ListDirectoryUsersOptions;
import dev.roster.sdk.PageOptions;
import dev.roster.sdk.PagedIterable;
import dev.roster.sdk.RosterClient;
import dev.roster.sdk.models.DirectoryGroup;
import dev.roster.sdk.models.DirectoryGroupMember;
import dev.roster.sdk.models.DirectoryGroupMemberType;
import dev.roster.sdk.models.DirectoryUser;
import dev.roster.sdk.models.ListDirectoryUsersResponse;
import dev.roster.sdk.support.FlakyProxy;
import dev.roster.sdk.support.LiveRoster;
import dev.roster.sdk.support.Scim;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Users and groups provisioned over SCIM, read back through page tokens and the Iterable over all pages. */
class PaginationTest {
    private static final int USERS = 7;
    private static RosterClient client;
    private static Scim scim;
    private static final List<String> userIds = new ArrayList<>();

    /** One directory with its users for every test here, made by the first test that runs. */
    @BeforeEach
    void provisionUsersOverScim() {
        RosterClient live = LiveRoster.client();
        if (scim != null) return;
        client = live;
        scim = Scim.provision(client, "Paged");
        for (int i = 0; i < USERS; i++) userIds.add(scim.createUser("user" + i + "@paged.example", "User", "Number" + i));
    }

    @Test
    void pageTokensWalkEveryUserOnceAcrossSeveralPages() {
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String token = null;
        do {
            ListDirectoryUsersResponse page = client.directories().listDirectoryUsers(scim.organizationId, scim.directoryId,
                    ListDirectoryUsersOptions.newBuilder().setPageSize(3).setPageToken(token).build());
            assertEquals(USERS, page.getTotalSize());
            sizes.add(page.getUsers().size());
            page.getUsers().forEach(user -> seen.add(user.getId()));
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        assertEquals(List.of(3, 3, 1), sizes);
        assertEquals(new TreeSet<>(userIds), new TreeSet<>(seen));
        assertEquals(USERS, seen.size(), "no user twice");
    }

    @Test
    void theIterableReadsEveryPageOneRequestAtATimeAndOnlyAsFarAsItIsRead() throws Exception {
        try (FlakyProxy proxy = new FlakyProxy(LiveRoster.url())) {
            RosterClient counted = new RosterClient(proxy.url(), LiveRoster.clientId(), LiveRoster.clientSecret());
            String usersPath = "GET /api/v1/organizations/" + scim.organizationId + "/directories/" + scim.directoryId + "/users";
            PagedIterable<DirectoryUser> users = counted.directories().iterateDirectoryUsers(scim.organizationId, scim.directoryId,
                    ListDirectoryUsersOptions.newBuilder().setPageSize(2).build());

            List<String> all = new ArrayList<>();
            for (DirectoryUser user : users) all.add(user.getId());
            assertEquals(new TreeSet<>(userIds), new TreeSet<>(all));
            assertEquals(USERS, all.size());
            assertEquals(4, proxy.count(usersPath), "7 users, 2 a page: 4 requests");

            proxy.rule((method, path, count) -> FlakyProxy.Action.FORWARD);
            List<String> firstThree = users.stream().limit(3).map(DirectoryUser::getId).toList();
            assertEquals(3, firstThree.size());
            assertEquals(2, proxy.count(usersPath), "three users read: two pages fetched, not four");
            assertEquals(all.subList(0, 3), firstThree, "each iteration starts again from the first page");
        }
    }

    @Test
    void groupsAndTheirMembersPageTheSameWay() {
        String groupA = scim.createGroup("Engineering", userIds.subList(0, 3));
        String groupB = scim.createGroup("Sales", List.of(userIds.get(3)));
        String groupC = scim.createGroup("Everyone", List.of(groupA, groupB));

        Set<String> groups = new TreeSet<>();
        for (DirectoryGroup group : client.directories().iterateDirectoryGroups(scim.organizationId, scim.directoryId, ListDirectoryGroupsOptions.newBuilder().setPageSize(2).build())) {
            groups.add(group.getId());
        }
        assertEquals(Set.of(groupA, groupB, groupC), groups);

        List<DirectoryGroupMember> members = new ArrayList<>();
        client.directories().iterateDirectoryGroupMembers(scim.organizationId, scim.directoryId, groupA, PageOptions.newBuilder().setPageSize(2).build()).forEach(members::add);
        assertEquals(new TreeSet<>(userIds.subList(0, 3)), members.stream().map(DirectoryGroupMember::getId).collect(Collectors.toCollection(TreeSet::new)));
        assertTrue(members.stream().allMatch(member -> member.getType() == DirectoryGroupMemberType.USER));
        List<DirectoryGroupMember> nested = client.directories().listDirectoryGroupMembers(scim.organizationId, scim.directoryId, groupC).getMembers();
        assertTrue(nested.stream().allMatch(member -> member.getType() == DirectoryGroupMemberType.GROUP), nested.toString());

        DirectoryUser member = client.directories().getDirectoryUser(scim.organizationId, scim.directoryId, userIds.get(0), true);
        assertEquals(Set.of("Engineering"), member.getGroups().stream().map(group -> group.getDisplayName()).collect(Collectors.toSet()));
        assertEquals("user0@paged.example", member.getUserDetail().get("userName"));
        assertEquals(null, client.directories().getDirectoryUser(scim.organizationId, scim.directoryId, userIds.get(0)).getUserDetail(), "detail only when asked");

        List<DirectoryUser> engineers = new ArrayList<>();
        client.directories().iterateDirectoryUsers(scim.organizationId, scim.directoryId, ListDirectoryUsersOptions.newBuilder().setDirectoryGroupId(groupA).build()).forEach(engineers::add);
        assertEquals(3, engineers.size());
        assertFalse(client.directories().getDirectoryGroup(scim.organizationId, scim.directoryId, groupA, true).getGroupDetail().isEmpty());
    }
}
