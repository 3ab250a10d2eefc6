package com.eshop.support.mq;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import java.util.Map;

/**
 * The operator's dead-letter tool: {@code GET /actuator/deadletters} lists this service's consumer groups,
 * {@code POST /actuator/deadletters/{group}} re-drives the group's dead letters to its topic.
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {
    private final DeadLetterRedriver redriver;

    public DeadLettersEndpoint(DeadLetterRedriver redriver) {
        this.redriver = redriver;
    }

    @ReadOperation
    public Map<String, Object> groups() {
        return Map.of("groups", redriver.groups());
    }

    /** An unknown group is the operator's mistake: HTTP 400. */
    @WriteOperation
    public DeadLetterRedriver.Redrive redrive(@Selector String group) {
        return redriver.redrive(group).orElseThrow(() -> {
            String reason = "this service consumes no group '" + group + "'; its groups are " + redriver.groups();
            return new InvalidEndpointRequestException(reason, reason);
        });
    }
}
