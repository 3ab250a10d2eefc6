package com.eshop.order.application;

import lombok.Data;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

@Data
@ConfigurationProperties("eshop.order")
public class OrderProperties {
    /** Time from creation to expiry of an unpaid order; the pay-timeout message is due then. */
    private Duration payTimeout = Duration.ofMinutes(30);
    /** Page size of the expired-order scan and of the reconciliation job. */
    private int scanPageSize = 200;
    /**
     * Expired orders of one page the scan cancels at the same time (each under its own order lock). Bounded so a
     * backlog of lost timeout messages does not take every database connection from the API.
     */
    private int scanParallelism = 4;
    /** The reconciliation job leaves a cancelled order alone this long: the chain's own messages settle it first. */
    private Duration reconcileGrace = Duration.ofMinutes(5);
    /** The reconciliation job reads orders cancelled at most this long ago (older ones are left to an operator). */
    private Duration reconcileLookback = Duration.ofDays(1);
    /**
     * Dubbo timeout of the call that creates an order's fulfillment (fulfill, WMS and TMS orders). It is the work of
     * the fulfill-order global transaction, so it may take nearly as long as that transaction (30 s).
     */
    private Duration fulfillmentCallTimeout = Duration.ofSeconds(25);
    private Timeline timeline = new Timeline();

    /** The order timeline (ops API and page). */
    @Data
    public static class Timeline {
        /** How long the timeline waits for each other service and for the broker; a source still silent shows as unavailable. */
        private Duration sourceTimeout = Duration.ofSeconds(5);
        /** Messages read per topic and key from the broker. */
        private int maxMessagesPerTopic = 16;
        /** Messages are looked up from this long before the order's creation (clock skew between hosts). */
        private Duration messageLookbackSlack = Duration.ofMinutes(1);
        /** Threads that read the sources of one or more timelines at the same time. */
        private int threads = 8;
    }
}
