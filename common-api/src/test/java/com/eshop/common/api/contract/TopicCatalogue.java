package com.eshop.common.api.contract;

import com.eshop.common.api.inventory.CancelOrderReleaseProductStockRequest;
import com.eshop.common.api.market.ReleaseUserCouponRequest;
import com.eshop.common.api.mq.ActualRefundMessage;
import com.eshop.common.api.mq.CancelOrderAssembleRequest;
import com.eshop.common.api.mq.PaidOrderSuccessMessage;
import com.eshop.common.api.mq.PayOrderTimeoutDelayMessage;
import com.eshop.common.api.mq.RefundCompletedMessage;

import java.util.List;

import static com.eshop.common.api.mq.RocketMqConstant.*;

/**
 * What each topic of {@link com.eshop.common.api.mq.RocketMqConstant} carries and how it is sent, as the producers
 * send it (MqProducer.send, sendAt or sendInTransaction; the call sites are named below). Bodies are fastjson2 JSON
 * of the body class; no producer sets a tag (consumers subscribe to "*"); the message keys are the id named.
 */
final class TopicCatalogue {
    enum Delivery {
        /** Delivered once the broker stores it. */
        NORMAL,
        /** A half message, delivered only if the producer's local transaction committed (or its check-back says so). */
        TRANSACTIONAL,
        /** Held back by the broker until a given time (a timer message, or delay levels: eshop.rocketmq.delay-mode). */
        DELAYED
    }

    record Topic(String name, String description, Class<?> body, List<Delivery> deliveries, String keys,
                 String producer, String consumer, String consumerGroup) {
    }

    static final List<Topic> TOPICS = List.of(
            new Topic(PAY_ORDER_TIMEOUT_DELAY_TOPIC,
                    "Due at the order's expire time (PayOrderTimeoutService): an order still unpaid then is cancelled"
                            + " (TIMEOUT_CANCELED). A delivery before expireTimeMillis (delay levels) is delayed again.",
                    PayOrderTimeoutDelayMessage.class, List.of(Delivery.DELAYED), "orderId",
                    "order-service", "order-service", PAY_ORDER_TIMEOUT_DELAY_CONSUMER_GROUP),
            new Topic(PAID_ORDER_SUCCESS_TOPIC,
                    "Committed with the order's CREATED -> PAID (PayCallbackService); starts fulfillment.",
                    PaidOrderSuccessMessage.class, List.of(Delivery.TRANSACTIONAL), "orderId",
                    "order-service", "order-service", PAID_ORDER_SUCCESS_CONSUMER_GROUP),
            new Topic(RELEASE_ASSETS_TOPIC,
                    "Committed once the order's cancel global transaction committed (CancelOrderService): the order as it"
                            + " was when the cancel was decided; fans out into the refund, stock and coupon releases.",
                    CancelOrderAssembleRequest.class, List.of(Delivery.TRANSACTIONAL), "orderId",
                    "order-service", "order-service", RELEASE_ASSETS_CONSUMER_GROUP),
            new Topic(CANCEL_REFUND_REQUEST_TOPIC,
                    "A cancelled order that was paid (ReleaseAssetsService): its refund is prepared.",
                    CancelOrderAssembleRequest.class, List.of(Delivery.NORMAL), "orderId",
                    "order-service", "order-service", CANCEL_REFUND_REQUEST_CONSUMER_GROUP),
            new Topic(CANCEL_RELEASE_INVENTORY_TOPIC,
                    "A cancelled order's locked stock goes back to available (ReleaseAssetsService).",
                    CancelOrderReleaseProductStockRequest.class, List.of(Delivery.NORMAL), "orderId",
                    "order-service", "inventory-service", RELEASE_INVENTORY_CONSUMER_GROUP),
            new Topic(CANCEL_RELEASE_PROPERTY_TOPIC,
                    "The coupon a cancelled order used goes back to its user: sent plainly for an unpaid order"
                            + " (ReleaseAssetsService), transactionally with the refund of a paid order's last item"
                            + " (RefundMoneyService).",
                    ReleaseUserCouponRequest.class, List.of(Delivery.NORMAL, Delivery.TRANSACTIONAL), "orderId",
                    "order-service", "market-service", RELEASE_PROPERTY_CONSUMER_GROUP),
            new Topic(ACTUAL_REFUND_TOPIC,
                    "Committed with the cancelled order's after-sale record (PrepareRefundService): the money is refunded"
                            + " through pay-service.",
                    ActualRefundMessage.class, List.of(Delivery.TRANSACTIONAL), "afterSaleId",
                    "order-service", "order-service", ACTUAL_REFUND_CONSUMER_GROUP),
            new Topic(REFUND_COMPLETED_TOPIC,
                    "The gateway refunded a refund request (pay-service's MqRefundNotifier); sent again whenever the same"
                            + " request is repeated. The after-sale goes REFUNDING -> REFUNDED.",
                    RefundCompletedMessage.class, List.of(Delivery.NORMAL), "orderId",
                    "pay-service", "order-service", REFUND_COMPLETED_CONSUMER_GROUP));

    private TopicCatalogue() {
    }
}
