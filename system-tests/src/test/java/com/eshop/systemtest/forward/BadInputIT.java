package com.eshop.systemtest.forward;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.JsonResult;
import com.eshop.common.api.fulfill.CancelFulfillRequest;
import com.eshop.common.api.fulfill.ReceiveFulfillRequest;
import com.eshop.common.api.inventory.CancelOrderReleaseProductStockRequest;
import com.eshop.common.api.inventory.LockProductStockRequest;
import com.eshop.common.api.inventory.StockItemRequest;
import com.eshop.common.api.market.LockUserCouponRequest;
import com.eshop.common.api.market.ReleaseUserCouponRequest;
import com.eshop.common.api.order.CancelOrderRequest;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.common.api.order.CreateOrderRequest;
import com.eshop.common.api.order.OrderItemRequest;
import com.eshop.common.api.order.PayCallbackRequest;
import com.eshop.common.api.order.PrePayOrderRequest;
import com.eshop.common.api.pay.PayPrePayRequest;
import com.eshop.common.api.pay.PayRefundRequest;
import com.eshop.common.api.wms.PickGoodsRequest;
import com.eshop.common.api.tms.SendOutRequest;
import com.eshop.stack.SuiteClient;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.StateFingerprint;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static com.eshop.systemtest.support.Scenario.items;
import static org.assertj.core.api.Assertions.assertThat;

/** Malformed, unknown and unauthorised requests to every Dubbo API: a clear error code, and no change anywhere. */
class BadInputIT {
    private static final String LONG_ID = "X".repeat(65);
    private final Scenario scenario = Suite.scenario();

    private record Case(String name, ErrorCode expected, Supplier<JsonResult<?>> call) {
    }

    @TestFactory
    List<DynamicContainer> everyApiRefusesBadInputWithACodeAndChangesNothing() {
        SuiteClient api = scenario.client();
        // a fulfilled order does not time out, and nothing else may be moving while fingerprints are compared
        Suite.awaitSettled();
        TestData.UserCoupon owner = TestData.nextUserWithCoupon();
        CreateOrderDTO order = scenario.createOrder(owner.userId(), null, items("SKU-1011", 1));
        scenario.pay(order, owner.userId());
        scenario.awaitOrderStatus(order.getOrderId(), com.eshop.common.api.enums.OrderStatusEnum.FULFILL, java.time.Duration.ofSeconds(30));
        Suite.awaitSettled();

        CasesFor cases = new CasesFor(api, owner, order);
        return List.of(
                refusedByApi("OrderApi", cases.orderApi()),
                refusedByApi("OrderInternalApi", cases.orderInternalApi()),
                refusedByApi("AfterSaleApi", cases.afterSaleApi()),
                refusedByApi("FulfillApi", cases.fulfillApi()),
                refusedByApi("WmsApi", cases.wmsApi()),
                refusedByApi("TmsApi", cases.tmsApi()),
                refusedByApi("MarketApi", cases.marketApi()),
                refusedByApi("InventoryApi", cases.inventoryApi()),
                refusedByApi("PayApi", cases.payApi()));
    }

    private DynamicContainer refusedByApi(String apiName, List<Case> cases) {
        return DynamicContainer.dynamicContainer(apiName, cases.stream().map(this::refusedWithACodeAndNoChange));
    }

    private DynamicTest refusedWithACodeAndNoChange(Case c) {
        return DynamicTest.dynamicTest(c.name(), () -> {
            Map<String, String> before = StateFingerprint.of(scenario.db());
            JsonResult<?> result = c.call().get();
            assertThat(result.isOk()).as(c.name()).isFalse();
            assertThat(result.getErrorCode()).as("%s: %s", c.name(), result.getErrorMessage()).isEqualTo(c.expected().name());
            assertThat(result.getErrorMessage()).as(c.name()).isNotBlank();
            assertThat(StateFingerprint.of(scenario.db())).as("state after %s", c.name()).isEqualTo(before);
        });
    }

    /** The bad requests to each API; some are about {@code order}, paid and sent to fulfillment, of {@code owner}. */
    private final class CasesFor {
        private final SuiteClient api;
        private final TestData.UserCoupon owner;
        private final CreateOrderDTO order;
        private final String orderId;

        CasesFor(SuiteClient api, TestData.UserCoupon owner, CreateOrderDTO order) {
            this.api = api;
            this.owner = owner;
            this.order = order;
            this.orderId = order.getOrderId();
        }

        List<Case> orderApi() {
            return List.of(
                new Case("createOrder null", ErrorCode.PARAM_INVALID, () -> api.orderApi.createOrder(null)),
                new Case("createOrder no user", ErrorCode.PARAM_INVALID, () -> api.orderApi.createOrder(create(null, "SKU-1001", 1))),
                new Case("createOrder oversized user", ErrorCode.PARAM_INVALID, () -> api.orderApi.createOrder(create(LONG_ID, "SKU-1001", 1))),
                new Case("createOrder empty items", ErrorCode.PARAM_INVALID, () -> {
                    CreateOrderRequest r = create("U1001", "SKU-1001", 1);
                    r.setOrderItemRequestList(List.of());
                    return api.orderApi.createOrder(r);
                }),
                new Case("createOrder negative quantity", ErrorCode.PARAM_INVALID, () -> api.orderApi.createOrder(create("U1001", "SKU-1001", -1))),
                new Case("createOrder zero quantity", ErrorCode.PARAM_INVALID, () -> api.orderApi.createOrder(create("U1001", "SKU-1001", 0))),
                new Case("createOrder overflowing quantity", ErrorCode.PARAM_INVALID,
                        () -> api.orderApi.createOrder(create("U1001", "SKU-1001", Integer.MAX_VALUE))),
                new Case("createOrder overflowing amount", ErrorCode.PARAM_INVALID,
                        () -> api.orderApi.createOrder(create("U1001", "SKU-1004", 10_000))),
                new Case("createOrder unknown sku", ErrorCode.PRODUCT_SKU_NOT_FOUND, () -> api.orderApi.createOrder(create("U1001", "SKU-NOPE", 1))),
                new Case("createOrder unknown coupon", ErrorCode.COUPON_NOT_FOUND, () -> {
                    CreateOrderRequest r = create("U1001", "SKU-1001", 1);
                    r.setCouponId("CP-NOPE");
                    return api.orderApi.createOrder(r);
                }),
                new Case("createOrder other user's coupon", ErrorCode.COUPON_UNUSABLE, () -> {
                    CreateOrderRequest r = create("U1099", "SKU-1001", 1);
                    r.setCouponId("CP-U1100-5");
                    return api.orderApi.createOrder(r);
                }),
                new Case("createOrder wrong client amount", ErrorCode.ORDER_REAL_PAY_AMOUNT_MISMATCH, () -> {
                    CreateOrderRequest r = create("U1001", "SKU-1001", 1);
                    r.setPayAmount(1);
                    return api.orderApi.createOrder(r);
                }),
                new Case("createOrder existing id", ErrorCode.ORDER_ALREADY_EXISTS, () -> {
                    CreateOrderRequest r = create("U1001", "SKU-1001", 1);
                    r.setOrderId(orderId);
                    return api.orderApi.createOrder(r);
                }),
                new Case("prePay null", ErrorCode.PARAM_INVALID, () -> api.orderApi.prePayOrder(null)),
                new Case("prePay bad pay type", ErrorCode.PARAM_INVALID, () -> api.orderApi.prePayOrder(prePay(orderId, owner.userId(), 99, order.getPayAmount()))),
                new Case("prePay negative amount", ErrorCode.PARAM_INVALID, () -> api.orderApi.prePayOrder(prePay(orderId, owner.userId(), 10, -5))),
                new Case("prePay unknown order", ErrorCode.ORDER_NOT_FOUND, () -> api.orderApi.prePayOrder(prePay("O-NOPE", owner.userId(), 10, 100))),
                new Case("prePay other user's order", ErrorCode.ORDER_NOT_OWNED, () -> api.orderApi.prePayOrder(prePay(orderId, "U9999", 10, order.getPayAmount()))),
                new Case("prePay of a paid order", ErrorCode.ORDER_STATUS_NOT_PAYABLE, () -> api.orderApi.prePayOrder(prePay(orderId, owner.userId(), 10, order.getPayAmount()))),
                new Case("getOrderDetail null", ErrorCode.PARAM_INVALID, () -> api.orderApi.getOrderDetail(null, owner.userId())),
                new Case("getOrderDetail no user", ErrorCode.PARAM_INVALID, () -> api.orderApi.getOrderDetail(orderId, null)),
                new Case("getOrderDetail unknown", ErrorCode.ORDER_NOT_FOUND, () -> api.orderApi.getOrderDetail("O-NOPE", owner.userId())),
                new Case("getOrderDetail other user's order", ErrorCode.ORDER_NOT_OWNED, () -> api.orderApi.getOrderDetail(orderId, "U9999")));
        }

        List<Case> orderInternalApi() {
            return List.of(
                new Case("payCallback null", ErrorCode.PARAM_INVALID, () -> api.orderInternalApi.payCallback(null)),
                new Case("payCallback no order", ErrorCode.PARAM_INVALID, () -> api.orderInternalApi.payCallback(callback(null, 10, 100))),
                new Case("payCallback bad pay type", ErrorCode.PARAM_INVALID, () -> api.orderInternalApi.payCallback(callback(orderId, 0, order.getPayAmount()))),
                new Case("payCallback negative amount", ErrorCode.PARAM_INVALID, () -> api.orderInternalApi.payCallback(callback(orderId, 10, -1))),
                new Case("payCallback no trade number", ErrorCode.PARAM_INVALID, () -> {
                    PayCallbackRequest r = callback(orderId, 10, order.getPayAmount());
                    r.setOutTradeNo(null);
                    return api.orderInternalApi.payCallback(r);
                }),
                new Case("payCallback unknown order", ErrorCode.ORDER_NOT_FOUND, () -> api.orderInternalApi.payCallback(callback("O-NOPE", 10, 100))),
                new Case("payCallback amount mismatch", ErrorCode.ORDER_CALLBACK_PAY_AMOUNT_ERROR, () -> api.orderInternalApi.payCallback(callback(orderId, 10, order.getPayAmount() + 7))),
                new Case("confirmOutStock unknown order", ErrorCode.ORDER_NOT_FOUND, () -> api.orderInternalApi.confirmOutStock("O-NOPE")));
        }

        List<Case> afterSaleApi() {
            return List.of(
                new Case("cancelOrder as a timeout before the timeout", ErrorCode.ORDER_NOT_EXPIRED,
                        () -> api.afterSaleApi.cancelOrder(cancel(orderId, owner.userId(), 1))),
                new Case("cancelOrder null", ErrorCode.PARAM_INVALID, () -> api.afterSaleApi.cancelOrder(null)),
                new Case("cancelOrder no user", ErrorCode.PARAM_INVALID, () -> api.afterSaleApi.cancelOrder(cancel(orderId, null, null))),
                new Case("cancelOrder bad cancel type", ErrorCode.PARAM_INVALID, () -> api.afterSaleApi.cancelOrder(cancel(orderId, owner.userId(), 7))),
                new Case("cancelOrder unknown order", ErrorCode.ORDER_NOT_FOUND, () -> api.afterSaleApi.cancelOrder(cancel("O-NOPE", owner.userId(), null))),
                new Case("cancelOrder other user's order", ErrorCode.ORDER_NOT_OWNED, () -> api.afterSaleApi.cancelOrder(cancel(orderId, "U9999", null))),
                new Case("listAfterSales bad id", ErrorCode.PARAM_INVALID, () -> api.afterSaleApi.listAfterSales("bad id!", owner.userId())),
                new Case("listAfterSales no user", ErrorCode.PARAM_INVALID, () -> api.afterSaleApi.listAfterSales(orderId, null)),
                new Case("listAfterSales other user's order", ErrorCode.ORDER_NOT_OWNED, () -> api.afterSaleApi.listAfterSales(orderId, "U9999")));
        }

        List<Case> fulfillApi() {
            return List.of(
                new Case("receiveOrderFulfill null", ErrorCode.PARAM_INVALID, () -> api.fulfillApi.receiveOrderFulfill(null)),
                new Case("receiveOrderFulfill no items", ErrorCode.PARAM_INVALID, () -> {
                    ReceiveFulfillRequest r = new ReceiveFulfillRequest();
                    r.setOrderId(orderId);
                    r.setUserId(owner.userId());
                    r.setPayAmount(1);
                    return api.fulfillApi.receiveOrderFulfill(r);
                }),
                new Case("cancelFulfill null order", ErrorCode.PARAM_INVALID, () -> api.fulfillApi.cancelFulfill(new CancelFulfillRequest())));
        }

        List<Case> wmsApi() {
            return List.of(
                new Case("pickGoods null", ErrorCode.PARAM_INVALID, () -> api.wmsApi.pickGoods(null)),
                new Case("pickGoods no items", ErrorCode.PARAM_INVALID, () -> {
                    PickGoodsRequest r = new PickGoodsRequest();
                    r.setOrderId(orderId);
                    r.setFulfillId("F1");
                    return api.wmsApi.pickGoods(r);
                }),
                new Case("cancelPickGoods oversized id", ErrorCode.PARAM_INVALID, () -> api.wmsApi.cancelPickGoods(LONG_ID)),
                new Case("outStock unknown order", ErrorCode.DELIVERY_ORDER_NOT_FOUND, () -> api.wmsApi.outStock("O-NOPE")));
        }

        List<Case> tmsApi() {
            return List.of(
                new Case("sendOut null", ErrorCode.PARAM_INVALID, () -> api.tmsApi.sendOut(null)),
                new Case("sendOut no order", ErrorCode.PARAM_INVALID, () -> api.tmsApi.sendOut(new SendOutRequest())),
                new Case("cancelSendOut null", ErrorCode.PARAM_INVALID, () -> api.tmsApi.cancelSendOut(null)));
        }

        List<Case> marketApi() {
            return List.of(
                new Case("lockUserCoupon null", ErrorCode.PARAM_INVALID, () -> api.marketApi.lockUserCoupon(null)),
                new Case("lockUserCoupon unknown coupon", ErrorCode.COUPON_NOT_FOUND, () -> api.marketApi.lockUserCoupon(lockCoupon("U1001", "CP-NOPE", "O-X"))),
                new Case("releaseUserCoupon no order", ErrorCode.PARAM_INVALID, () -> api.marketApi.releaseUserCoupon(releaseCoupon("U1001", "CP-U1001-1", null))),
                new Case("releaseUserCoupon of a live order", ErrorCode.ORDER_NOT_CANCELLED,
                        () -> api.marketApi.releaseUserCoupon(releaseCoupon(owner.userId(), owner.couponId(), orderId))));
        }

        List<Case> inventoryApi() {
            return List.of(
                new Case("lockProductStock null", ErrorCode.PARAM_INVALID, () -> api.inventoryApi.lockProductStock(null)),
                new Case("lockProductStock negative", ErrorCode.PARAM_INVALID, () -> api.inventoryApi.lockProductStock(lockStock("O-X", "SKU-1001", -3))),
                new Case("lockProductStock unknown sku", ErrorCode.PRODUCT_STOCK_NOT_FOUND, () -> api.inventoryApi.lockProductStock(lockStock("O-X", "SKU-NOPE", 1))),
                new Case("releaseProductStock null order", ErrorCode.PARAM_INVALID, () -> api.inventoryApi.cancelOrderReleaseProductStock(new CancelOrderReleaseProductStockRequest())),
                new Case("deductProductStock null", ErrorCode.PARAM_INVALID, () -> api.inventoryApi.deductProductStock(null)),
                new Case("releaseProductStock of a live order", ErrorCode.ORDER_NOT_CANCELLED, () -> {
                    CancelOrderReleaseProductStockRequest r = new CancelOrderReleaseProductStockRequest();
                    r.setOrderId(orderId);
                    return api.inventoryApi.cancelOrderReleaseProductStock(r);
                }));
        }

        List<Case> payApi() {
            return List.of(
                new Case("prePay (gateway) bad type", ErrorCode.PARAM_INVALID, () -> {
                    PayPrePayRequest r = new PayPrePayRequest();
                    r.setOrderId(orderId);
                    r.setUserId(owner.userId());
                    r.setPayType(3);
                    r.setPayAmount(100);
                    return api.payApi.prePay(r);
                }),
                new Case("executeRefund negative", ErrorCode.PARAM_INVALID, () -> {
                    PayRefundRequest r = new PayRefundRequest();
                    r.setRefundRequestId("R-BAD");
                    r.setOrderId(orderId);
                    r.setRefundAmount(-100);
                    return api.payApi.executeRefund(r);
                }),
                new Case("executeRefund of a never-paid order", ErrorCode.PAY_CAPTURE_NOT_FOUND, () -> {
                    PayRefundRequest r = refundRequest("R-NEVER-PAID", "O-NEVER-PAID", "T-NEVER-PAID", 5000);
                    return api.payApi.executeRefund(r);
                }),
                new Case("executeRefund beyond the capture", ErrorCode.PAY_REFUND_EXCEEDS_CAPTURE, () -> {
                    PayRefundRequest r = refundRequest("R-TOO-MUCH", orderId, scenario.tradeNumber(orderId, Scenario.WECHAT), order.getPayAmount() + 1);
                    return api.payApi.executeRefund(r);
                }),
                new Case("executeRefund no request id", ErrorCode.PARAM_INVALID, () -> {
                    PayRefundRequest r = new PayRefundRequest();
                    r.setOrderId(orderId);
                    r.setRefundAmount(100);
                    return api.payApi.executeRefund(r);
                }));
        }
    }

    private static CreateOrderRequest create(String userId, String sku, int quantity) {
        CreateOrderRequest request = new CreateOrderRequest();
        request.setUserId(userId);
        OrderItemRequest item = new OrderItemRequest();
        item.setSkuCode(sku);
        item.setSaleQuantity(quantity);
        request.setOrderItemRequestList(List.of(item));
        return request;
    }

    private static PrePayOrderRequest prePay(String orderId, String userId, int payType, int amount) {
        PrePayOrderRequest request = new PrePayOrderRequest();
        request.setOrderId(orderId);
        request.setUserId(userId);
        request.setPayType(payType);
        request.setPayAmount(amount);
        return request;
    }

    private static PayCallbackRequest callback(String orderId, int payType, int amount) {
        PayCallbackRequest request = new PayCallbackRequest();
        request.setOrderId(orderId);
        request.setPayType(payType);
        request.setPayAmount(amount);
        request.setOutTradeNo("T-BAD");
        return request;
    }

    private static PayRefundRequest refundRequest(String refundRequestId, String orderId, String outTradeNo, int amount) {
        PayRefundRequest request = new PayRefundRequest();
        request.setRefundRequestId(refundRequestId);
        request.setOrderId(orderId);
        request.setOutTradeNo(outTradeNo);
        request.setPayType(10);
        request.setRefundAmount(amount);
        return request;
    }

    private static CancelOrderRequest cancel(String orderId, String userId, Integer cancelType) {
        CancelOrderRequest request = new CancelOrderRequest();
        request.setOrderId(orderId);
        request.setUserId(userId);
        request.setCancelType(cancelType);
        return request;
    }

    private static LockUserCouponRequest lockCoupon(String userId, String couponId, String orderId) {
        LockUserCouponRequest request = new LockUserCouponRequest();
        request.setUserId(userId);
        request.setCouponId(couponId);
        request.setOrderId(orderId);
        return request;
    }

    private static ReleaseUserCouponRequest releaseCoupon(String userId, String couponId, String orderId) {
        ReleaseUserCouponRequest request = new ReleaseUserCouponRequest();
        request.setUserId(userId);
        request.setCouponId(couponId);
        request.setOrderId(orderId);
        return request;
    }

    private static LockProductStockRequest lockStock(String orderId, String sku, int quantity) {
        StockItemRequest item = new StockItemRequest();
        item.setSkuCode(sku);
        item.setSaleQuantity(quantity);
        LockProductStockRequest request = new LockProductStockRequest();
        request.setOrderId(orderId);
        request.setOrderItemRequestList(List.of(item));
        return request;
    }
}
