package dev.roster.sdk;

import dev.roster.sdk.models.DirectoryProvider;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields {@code updateDirectory} changes; those not set keep their value. */
public final class DirectoryFields extends BodyFields {
    private DirectoryFields(Map<String, Object> body) {
        super(body);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<String, Object> body = new LinkedHashMap<>();

        private Builder() {}

        public Builder setName(String name) {
            body.put("name", name);
            return this;
        }

        public Builder setDirectoryProvider(DirectoryProvider directoryProvider) {
            body.put("directory_provider", DirectoriesClient.known(directoryProvider));
            return this;
        }

        public DirectoryFields build() {
            return new DirectoryFields(body);
        }
    }
}
