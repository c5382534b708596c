package dev.roster.sdk;

import java.util.Map;

/** Filters and page of {@code listDirectoryUsers} / {@code iterateDirectoryUsers}. */
public final class ListDirectoryUsersOptions {
    private final PageOptions page;

    private ListDirectoryUsersOptions(Map<String, String> query) {
        this.page = new PageOptions(query);
    }

    public static ListDirectoryUsersOptions none() {
        return newBuilder().build();
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    PageOptions page() {
        return page;
    }

    public static final class Builder extends DirectoryListBuilder<Builder> {
        private Builder() {}

        @Override
        Builder self() {
            return this;
        }

        /** Only direct members of this group. */
        public Builder setDirectoryGroupId(String directoryGroupId) {
            query.put("directory_group_id", directoryGroupId);
            return this;
        }

        public ListDirectoryUsersOptions build() {
            return new ListDirectoryUsersOptions(query);
        }
    }
}
