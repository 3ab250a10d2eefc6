package com.eshop.common.api.mq;

import java.util.List;

/** Topic, consumer-group and producer-group names. Every topic is pre-created by the stack. */
public final class RocketMqConstant {
    /** Timer message due at the order's expire time (section 5). */
    public static final String PAY_ORDER_TIMEOUT_DELAY_TOPIC = "pay_order_timeout_delay_topic";
    public static final String PAY_ORDER_TIMEOUT_DELAY_CONSUMER_GROUP = "pay_order_timeout_delay_consumer_group";

    /** Transactional message bound to CREATED -> PAID; triggers fulfillment. */
    public static final String PAID_ORDER_SUCCESS_TOPIC = "paid_order_success_topic";
    public static final String PAID_ORDER_SUCCESS_CONSUMER_GROUP = "paid_order_success_consumer_group";

    /** Transactional message bound to the cancel global transaction (sections 8, 17). */
    public static final String RELEASE_ASSETS_TOPIC = "release_assets_topic";
    public static final String RELEASE_ASSETS_CONSUMER_GROUP = "release_assets_consumer_group";

    /** Fan-out of RELEASE_ASSETS (section 16): one topic and group per asset. */
    public static final String CANCEL_REFUND_REQUEST_TOPIC = "cancel_refund_request_topic";
    public static final String CANCEL_REFUND_REQUEST_CONSUMER_GROUP = "cancel_refund_request_consumer_group";
    public static final String CANCEL_RELEASE_INVENTORY_TOPIC = "cancel_release_inventory_topic";
    public static final String RELEASE_INVENTORY_CONSUMER_GROUP = "release_inventory_consumer_group";
    public static final String CANCEL_RELEASE_PROPERTY_TOPIC = "cancel_release_property_topic";
    public static final String RELEASE_PROPERTY_CONSUMER_GROUP = "release_property_consumer_group";

    /** Transactional message bound to the after-sale records (section 19). */
    public static final String ACTUAL_REFUND_TOPIC = "actual_refund_topic";
    public static final String ACTUAL_REFUND_CONSUMER_GROUP = "actual_refund_consumer_group";

    /** The gateway's refund notification (pay-service): completes the after-sale (REFUNDING -> REFUNDED). */
    public static final String REFUND_COMPLETED_TOPIC = "refund_completed_topic";
    public static final String REFUND_COMPLETED_CONSUMER_GROUP = "refund_completed_consumer_group";

    public static final List<String> ALL_TOPICS = List.of(
            PAY_ORDER_TIMEOUT_DELAY_TOPIC, PAID_ORDER_SUCCESS_TOPIC, RELEASE_ASSETS_TOPIC,
            CANCEL_REFUND_REQUEST_TOPIC, CANCEL_RELEASE_INVENTORY_TOPIC, CANCEL_RELEASE_PROPERTY_TOPIC,
            ACTUAL_REFUND_TOPIC, REFUND_COMPLETED_TOPIC);

    public static final List<String> ALL_CONSUMER_GROUPS = List.of(
            PAY_ORDER_TIMEOUT_DELAY_CONSUMER_GROUP, PAID_ORDER_SUCCESS_CONSUMER_GROUP, RELEASE_ASSETS_CONSUMER_GROUP,
            CANCEL_REFUND_REQUEST_CONSUMER_GROUP, RELEASE_INVENTORY_CONSUMER_GROUP, RELEASE_PROPERTY_CONSUMER_GROUP,
            ACTUAL_REFUND_CONSUMER_GROUP, REFUND_COMPLETED_CONSUMER_GROUP);

    private RocketMqConstant() {
    }
}
