package com.eshop.order.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.enums.OrderCancelTypeEnum;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.mq.CancelOrderAssembleRequest;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.common.api.order.CancelOrderRequest;
import com.eshop.order.domain.OrderOperateTypeEnum;
import com.eshop.support.error.BizException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CancelOrderServiceTest {
    private final OrderFixture f = new OrderFixture();

    @Test
    void theUsersCancelOfAnUnpaidOrderCancelsItAndCommitsReleaseAssetsForThatAttempt() {
        f.unpaidOrder("O1", Instant.now().plusSeconds(600), null);

        f.cancelOrderService.cancelOrder(request("O1", OrderFixture.USER, null));

        assertThat(f.orders.order("O1").status()).isEqualTo(OrderStatusEnum.CANCELED);
        assertThat(f.orders.order("O1").cancelType()).isEqualTo(OrderCancelTypeEnum.USER_CANCELED.getCode());
        RecordingMqProducer.Sent sent = f.mq.to(RocketMqConstant.RELEASE_ASSETS_TOPIC).get(0);
        CancelOrderAssembleRequest body = (CancelOrderAssembleRequest) sent.body();
        assertThat(body.getOrderInfoDTO().getOrderStatus()).isEqualTo(OrderStatusEnum.CREATED.getCode());
        assertThat(body.getOrderItemDTOList()).hasSize(2);
        String attempt = sent.attemptId();
        assertThat(f.orders.operateLogs).anyMatch(log -> log.type() == OrderOperateTypeEnum.MANUAL_CANCEL_ORDER && attempt.equals(log.requestId()));
        assertThat(f.fulfill.intercepted).isEmpty();
        assertThat(f.cancelOrderService.isCancelCommitted("O1", attempt)).isTrue();
        assertThat(f.cancelOrderService.isCancelCommitted("O1", "another-attempt")).isFalse();
        assertThat(f.cancels("user", "cancelled")).isEqualTo(1);
    }

    @Test
    void cancellingAnOrderInFulfillmentInterceptsTheFulfillment() {
        f.paidOrder("O1", null, OrderStatusEnum.FULFILL);

        f.cancelOrderService.cancelOrder(request("O1", OrderFixture.USER, null));

        assertThat(f.orders.order("O1").status()).isEqualTo(OrderStatusEnum.CANCELED);
        assertThat(f.fulfill.intercepted).containsExactly("O1");
    }

    @Test
    void anotherUsersCancelIsRefusedAndChangesNothing() {
        f.unpaidOrder("O1", Instant.now().plusSeconds(600), null);

        assertThatThrownBy(() -> f.cancelOrderService.cancelOrder(request("O1", "U2", null)))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.ORDER_NOT_OWNED));

        assertThat(f.orders.order("O1").status()).isEqualTo(OrderStatusEnum.CREATED);
        assertThat(f.mq.sent).isEmpty();
        assertThat(f.cancels("user", "refused")).isEqualTo(1);
    }

    @Test
    void cancellingACancelledOrderAgainIsASuccessThatSendsNothing() {
        f.unpaidOrder("O1", Instant.now().plusSeconds(600), null);
        f.cancelOrderService.cancelOrder(request("O1", OrderFixture.USER, null));
        int logs = f.orders.operateLogs.size();

        f.cancelOrderService.cancelOrder(request("O1", OrderFixture.USER, null));

        assertThat(f.mq.to(RocketMqConstant.RELEASE_ASSETS_TOPIC)).hasSize(1);
        assertThat(f.orders.operateLogs).hasSize(logs);
        assertThat(f.cancels("user", "cancelled")).isEqualTo(1);
        assertThat(f.cancels("user", "already_cancelled")).isEqualTo(1);
    }

    @Test
    void anOrderWhoseGoodsLeftTheWarehouseIsNotCancelled() {
        f.paidOrder("O1", null, OrderStatusEnum.FULFILL);
        f.orders.transit("O1", OrderStatusEnum.FULFILL, OrderStatusEnum.OUT_STOCK, OrderOperateTypeEnum.OUT_STOCK);

        assertThatThrownBy(() -> f.cancelOrderService.cancelOrder(request("O1", OrderFixture.USER, null)))
                .isInstanceOfSatisfying(BizException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.CURRENT_ORDER_STATUS_CANNOT_CANCEL));

        assertThat(f.orders.order("O1").status()).isEqualTo(OrderStatusEnum.OUT_STOCK);
        assertThat(f.mq.sent).isEmpty();
        assertThat(f.cancels("user", "refused")).isEqualTo(1);
    }

    @Test
    void aTimeoutCancelBeforeTheExpireTimeIsRefusedToTheCallerAndLeftAloneByTheTimer() {
        f.unpaidOrder("O1", Instant.now().plusSeconds(600), null);

        assertThatThrownBy(() -> f.cancelOrderService.cancelOrder(request("O1", OrderFixture.USER, OrderCancelTypeEnum.TIMEOUT_CANCELED.getCode())))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.ORDER_NOT_EXPIRED));
        assertThat(f.cancelOrderService.cancelExpiredOrder("O1")).isFalse();

        assertThat(f.orders.order("O1").status()).isEqualTo(OrderStatusEnum.CREATED);
        assertThat(f.mq.sent).isEmpty();
        assertThat(f.cancels("timeout", "not_due")).isEqualTo(2);
    }

    @Test
    void anExpiredUnpaidOrderIsCancelledOnceAsATimeout() {
        f.unpaidOrder("O1", Instant.now().minusSeconds(1), null);

        assertThat(f.cancelOrderService.cancelExpiredOrder("O1")).isTrue();
        assertThat(f.cancelOrderService.cancelExpiredOrder("O1")).isFalse();

        assertThat(f.orders.order("O1").cancelType()).isEqualTo(OrderCancelTypeEnum.TIMEOUT_CANCELED.getCode());
        assertThat(f.orders.operateLogs).filteredOn(log -> log.type() == OrderOperateTypeEnum.AUTO_CANCEL_ORDER).hasSize(1);
        assertThat(f.mq.to(RocketMqConstant.RELEASE_ASSETS_TOPIC)).hasSize(1);
        assertThat(f.cancels("timeout", "cancelled")).isEqualTo(1);
        assertThat(f.cancels("timeout", "already_cancelled")).isEqualTo(1);
    }

    @Test
    void anUnknownOrderIsNotFound() {
        assertThatThrownBy(() -> f.cancelOrderService.cancelOrder(request("O404", OrderFixture.USER, null)))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.ORDER_NOT_FOUND));
        assertThat(f.cancels("user", "failed")).isEqualTo(1);
    }

    private static CancelOrderRequest request(String orderId, String userId, Integer cancelType) {
        CancelOrderRequest request = new CancelOrderRequest();
        request.setOrderId(orderId);
        request.setUserId(userId);
        request.setCancelType(cancelType);
        return request;
    }
}
