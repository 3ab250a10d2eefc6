package com.eshop.systemtest.cancel;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.JsonResult;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.order.CancelOrderRequest;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.common.api.order.CreateOrderRequest;
import com.eshop.common.api.order.OrderItemRequest;
import com.eshop.systemtest.support.Outcomes;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.StateFingerprint;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.eshop.systemtest.support.Scenario.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cancelled paid order ends refunded in full and its after-sale REFUNDED (the gateway's notification), also
 * for the longest order id a client may choose; a timeout cancel a caller asks for early is refused, not answered
 * with a success that did nothing.
 */
class RefundCompletionIT {
    private static final int MAX_CLIENT_ORDER_ID = 64;
    private final Scenario scenario = Suite.scenario();

    @Test
    void anOrderWithTheLongestClientOrderIdIsRefundedInFullAndItsAfterSaleCompleted() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        String orderId = ("L" + UUID.randomUUID().toString().replace("-", "") + "X".repeat(MAX_CLIENT_ORDER_ID)).substring(0, MAX_CLIENT_ORDER_ID);
        CreateOrderRequest request = new CreateOrderRequest();
        request.setOrderId(orderId);
        request.setUserId(user.userId());
        request.setCouponId(user.couponId());
        OrderItemRequest item = new OrderItemRequest();
        item.setSkuCode("SKU-1012");
        item.setSaleQuantity(2);
        request.setOrderItemRequestList(List.of(item));
        JsonResult<CreateOrderDTO> created = scenario.client().orderApi.createOrder(request);
        assertThat(created.isOk()).as("%s %s", created.getErrorCode(), created.getErrorMessage()).isTrue();
        CreateOrderDTO order = created.getData();
        scenario.pay(order, user.userId());
        scenario.awaitOrderStatus(orderId, OrderStatusEnum.FULFILL, Duration.ofSeconds(30));

        JsonResult<Boolean> cancel = scenario.cancel(orderId, user.userId());

        assertThat(cancel.isOk()).as("%s %s", cancel.getErrorCode(), cancel.getErrorMessage()).isTrue();
        Outcomes.assertFullyCancelled(scenario, orderId, user.couponId(), 0, order.getPayAmount());
        assertThat(scenario.db().integer("order_db", "SELECT refund_status FROM after_sale_refund WHERE order_id = ?", orderId))
                .as("refund recorded as done").isEqualTo(20);
    }

    @Test
    void aTimeoutCancelAskedForBeforeTheTimeoutIsRefusedAndChangesNothing() {
        Suite.awaitSettled();
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO unpaid = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1013", 1));
        Map<String, String> before = StateFingerprint.of(scenario.db());

        CancelOrderRequest request = new CancelOrderRequest();
        request.setOrderId(unpaid.getOrderId());
        request.setUserId(user.userId());
        request.setCancelType(1);
        JsonResult<Boolean> result = scenario.client().afterSaleApi.cancelOrder(request);

        assertThat(result.isOk()).isFalse();
        assertThat(result.getErrorCode()).as(result.getErrorMessage()).isEqualTo(ErrorCode.ORDER_NOT_EXPIRED.name());
        assertThat(scenario.orderStatus(unpaid.getOrderId())).isEqualTo(OrderStatusEnum.CREATED.getCode());
        assertThat(StateFingerprint.of(scenario.db())).isEqualTo(before);

        // once due, the pay timeout cancels it as a timeout (cancel type 1)
        Outcomes.assertFullyCancelled(scenario, unpaid.getOrderId(), user.couponId(), 1, 0);
    }
}
