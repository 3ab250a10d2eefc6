package com.eshop.order.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.enums.PayStatusEnum;
import com.eshop.common.api.fulfill.FulfillItemRequest;
import com.eshop.common.api.fulfill.ReceiveFulfillRequest;
import com.eshop.common.api.inventory.StockItemRequest;
import com.eshop.common.api.market.UserCouponDTO;
import com.eshop.order.domain.OrderAmounts;
import com.eshop.order.domain.OrderOperateTypeEnum;
import com.eshop.order.infrastructure.gateway.FulfillGateway;
import com.eshop.order.infrastructure.gateway.InventoryGateway;
import com.eshop.order.infrastructure.gateway.MarketGateway;
import com.eshop.order.infrastructure.persistence.OrderInfoDO;
import com.eshop.order.infrastructure.persistence.OrderItemDO;
import com.eshop.order.infrastructure.persistence.OrderPaymentDetailDO;
import com.eshop.order.infrastructure.persistence.OrderRepository;
import com.eshop.support.error.BizException;
import io.seata.spring.annotation.GlobalTransactional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.List;

/** The forward flow's Seata global transactions (sections 9 and 13: synchronous, rigid). */
@Component
@RequiredArgsConstructor
public class OrderManager {
    private final OrderRepository orderRepository;
    private final MarketGateway marketGateway;
    private final InventoryGateway inventoryGateway;
    private final FulfillGateway fulfillGateway;

    /**
     * Lock coupon (market) → write order (here) → lock stock (inventory), all or nothing: a refusal anywhere
     * rolls every branch back through the undo logs.
     */
    @GlobalTransactional(name = "create-order", rollbackFor = Exception.class, timeoutMills = 30_000)
    public OrderInfoDO createOrder(OrderInfoDO order, List<OrderItemDO> items, Integer clientPayAmount) {
        int couponAmount = 0;
        if (order.getCouponId() != null) {
            UserCouponDTO coupon = marketGateway.lockUserCoupon(order.getUserId(), order.getCouponId(), order.getOrderId());
            couponAmount = coupon.getAmount();
            if (!OrderAmounts.couponApplies(order.getTotalAmount(), couponAmount)) {
                throw new BizException(ErrorCode.COUPON_NOT_APPLICABLE);
            }
        }
        order.setCouponAmount(couponAmount);
        order.setPayAmount(order.getTotalAmount() - couponAmount);
        if (clientPayAmount != null && clientPayAmount.intValue() != order.getPayAmount()) {
            throw new BizException(ErrorCode.ORDER_REAL_PAY_AMOUNT_MISMATCH,
                    "expected pay amount " + order.getPayAmount() + ", client sent " + clientPayAmount);
        }
        OrderPaymentDetailDO paymentDetail = new OrderPaymentDetailDO();
        paymentDetail.setOrderId(order.getOrderId());
        paymentDetail.setPayAmount(order.getPayAmount());
        paymentDetail.setPayStatus(PayStatusEnum.UNPAID.getCode());
        orderRepository.insertNewOrder(order, items, paymentDetail);

        inventoryGateway.lockProductStock(order.getOrderId(), items.stream().map(item -> {
            StockItemRequest stockItem = new StockItemRequest();
            stockItem.setSkuCode(item.getSkuCode());
            stockItem.setSaleQuantity(item.getSaleQuantity());
            return stockItem;
        }).toList());
        return order;
    }

    /** Fulfillment (fulfill + WMS + TMS orders) and PAID -> FULFILL commit together or not at all. */
    @GlobalTransactional(name = "fulfill-order", rollbackFor = Exception.class, timeoutMills = 30_000)
    public void fulfillOrder(OrderInfoDO order, List<OrderItemDO> items) {
        ReceiveFulfillRequest request = new ReceiveFulfillRequest();
        request.setOrderId(order.getOrderId());
        request.setUserId(order.getUserId());
        request.setPayAmount(order.getPayAmount());
        request.setFulfillItems(items.stream().map(item -> {
            FulfillItemRequest fulfillItem = new FulfillItemRequest();
            fulfillItem.setSkuCode(item.getSkuCode());
            fulfillItem.setProductName(item.getProductName());
            fulfillItem.setSaleQuantity(item.getSaleQuantity());
            fulfillItem.setSalePrice(item.getSalePrice());
            return fulfillItem;
        }).toList());
        fulfillGateway.receiveOrderFulfill(request);
        if (!orderRepository.transit(order.getOrderId(), OrderStatusEnum.PAID, OrderStatusEnum.FULFILL, OrderOperateTypeEnum.FULFILL)) {
            throw new BizException(ErrorCode.ORDER_STATUS_NOT_PAYABLE, "order " + order.getOrderId() + " left PAID during fulfillment");
        }
    }

    /** The local transaction of PAID_ORDER_SUCCESS (article: updateOrderStatusPaid). */
    public void updateOrderStatusPaid(String orderId, int payType, String outTradeNo, int payAmount) {
        if (!orderRepository.markPaid(orderId, payType, outTradeNo, payAmount)) {
            throw new BizException(ErrorCode.ORDER_STATUS_NOT_PAYABLE, "order " + orderId + " is no longer awaiting payment");
        }
    }
}
