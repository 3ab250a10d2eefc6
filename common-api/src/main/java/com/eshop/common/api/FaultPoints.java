package com.eshop.common.api;

/**
 * Names of the fault-injection points of the services, for the consistency suite that switches them through the
 * {@code faults} actuator endpoint. They only exist in a service started with {@code eshop.faults.enabled=true}.
 */
public final class FaultPoints {
    /** Every consumed message is handled a second time right after the first (duplicate delivery). */
    public static final String MQ_DUPLICATE_DELIVERY = "mq.duplicate-delivery";
    /** A consume attempt fails before the handler runs (RECONSUME_LATER, and the DLQ after the retries). */
    public static final String MQ_CONSUME_FAILURE = "mq.consume-failure";
    /**
     * Prefix of a per-topic point: the service dies (like kill -9) after the local transaction of a transactional
     * message committed and before the broker hears of it, e.g. {@code mq.halt-after-local-commit.release_assets_topic};
     * only the broker's check-back can then decide the half message.
     */
    public static final String HALT_AFTER_LOCAL_COMMIT_PREFIX = "mq.halt-after-local-commit.";
    /**
     * Prefix of a per-topic point: the local transaction of a transactional message commits, the half message is
     * lost (as when the broker gives up on it), and the sender is told it was committed, e.g.
     * {@code mq.lost-after-local-commit.actual_refund_topic}. Only the reconciliation job can recover the chain.
     */
    public static final String LOST_AFTER_LOCAL_COMMIT_PREFIX = "mq.lost-after-local-commit.";
    /** Prefix of a per-topic point: a plain message is lost on its way to the broker, e.g. {@code mq.lost-send.refund_completed_topic}. */
    public static final String LOST_SEND_PREFIX = "mq.lost-send.";
    /** The pay gateway refuses a refund before doing anything. */
    public static final String PAY_REFUND_FAILURE = "pay.refund-failure";
    /**
     * The pay gateway performs a refund but its answer never reaches the caller in time (the caller's Dubbo call
     * times out): the caller must retry with the same refund request id and must not refund twice.
     */
    public static final String PAY_REFUND_TIMEOUT = "pay.refund-timeout";
    /** Fulfillment interception fails after its local cancellations and the WMS call (the global rollback must undo them). */
    public static final String FULFILL_INTERCEPTION_FAILURE = "fulfill.interception-failure";
    /** order-service dies (like kill -9) inside the cancel global transaction, after its own branch and the interception, before the global commit. */
    public static final String ORDER_HALT_INSIDE_CANCEL_TRANSACTION = "order.halt-inside-cancel-transaction";
    /** The pay-timeout message of a new order is not sent (only the scan can cancel it). */
    public static final String ORDER_DROP_PAY_TIMEOUT_MESSAGE = "order.drop-pay-timeout-message";

    private FaultPoints() {
    }
}
