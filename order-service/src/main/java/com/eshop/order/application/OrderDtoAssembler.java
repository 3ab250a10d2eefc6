package com.eshop.order.application;

import com.eshop.common.api.order.AfterSaleDTO;
import com.eshop.common.api.order.OrderDetailDTO;
import com.eshop.common.api.order.OrderItemDTO;
import com.eshop.order.domain.AfterSale;
import com.eshop.order.domain.AfterSaleRefund;
import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderItem;
import com.eshop.order.domain.OrderPayment;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

final class OrderDtoAssembler {
    private OrderDtoAssembler() {
    }

    static OrderDetailDTO toDetail(Order order, List<OrderItem> items, Optional<OrderPayment> payment) {
        OrderDetailDTO dto = new OrderDetailDTO();
        dto.setOrderId(order.orderId());
        dto.setUserId(order.userId());
        dto.setBusinessIdentifier(order.businessIdentifier());
        dto.setOrderType(order.orderType());
        dto.setOrderStatus(order.status().getCode());
        dto.setCancelType(order.cancelType());
        dto.setCancelTime(date(order.cancelTime()));
        dto.setCouponId(order.couponId());
        dto.setTotalAmount(order.totalAmount());
        dto.setCouponAmount(order.couponAmount());
        dto.setPayAmount(order.payAmount());
        dto.setPayType(order.payType());
        dto.setExpireTime(date(order.expireTime()));
        dto.setCreatedTime(date(order.createdTime()));
        payment.ifPresent(paid -> {
            dto.setPayStatus(paid.payStatus().getCode());
            dto.setOutTradeNo(paid.outTradeNo());
            dto.setPayTime(date(paid.payTime()));
        });
        dto.setOrderItems(toItems(items));
        return dto;
    }

    static List<OrderItemDTO> toItems(List<OrderItem> items) {
        return items.stream().map(item -> {
            OrderItemDTO dto = new OrderItemDTO();
            dto.setOrderItemId(item.orderItemId());
            dto.setOrderId(item.orderId());
            dto.setSkuCode(item.skuCode());
            dto.setProductName(item.productName());
            dto.setSalePrice(item.salePrice());
            dto.setSaleQuantity(item.saleQuantity());
            dto.setOriginAmount(item.originAmount());
            return dto;
        }).toList();
    }

    static AfterSaleDTO toAfterSale(AfterSale afterSale, Optional<AfterSaleRefund> refund) {
        AfterSaleDTO dto = new AfterSaleDTO();
        dto.setAfterSaleId(afterSale.afterSaleId());
        dto.setOrderId(afterSale.orderId());
        dto.setUserId(afterSale.userId());
        dto.setAfterSaleType(afterSale.afterSaleType());
        dto.setAfterSaleStatus(afterSale.status().getCode());
        dto.setApplyRefundAmount(afterSale.applyRefundAmount());
        dto.setRealRefundAmount(afterSale.realRefundAmount());
        dto.setCreatedTime(date(afterSale.createdTime()));
        refund.ifPresent(r -> {
            dto.setRefundStatus(r.refundStatus().getCode());
            dto.setRefundRequestId(r.refundRequestId());
        });
        return dto;
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
