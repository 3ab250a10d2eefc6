package com.eshop.order.application;

import com.eshop.common.api.order.OrderDetailDTO;
import com.eshop.common.api.order.OrderItemDTO;
import com.eshop.order.infrastructure.persistence.OrderInfoDO;
import com.eshop.order.infrastructure.persistence.OrderItemDO;
import com.eshop.order.infrastructure.persistence.OrderPaymentDetailDO;

import java.util.List;

final class OrderDtoAssembler {
    private OrderDtoAssembler() {
    }

    static OrderDetailDTO toDetail(OrderInfoDO order, List<OrderItemDO> items, OrderPaymentDetailDO payment) {
        OrderDetailDTO dto = new OrderDetailDTO();
        dto.setOrderId(order.getOrderId());
        dto.setUserId(order.getUserId());
        dto.setBusinessIdentifier(order.getBusinessIdentifier());
        dto.setOrderType(order.getOrderType());
        dto.setOrderStatus(order.getOrderStatus());
        dto.setCancelType(order.getCancelType());
        dto.setCancelTime(order.getCancelTime());
        dto.setCouponId(order.getCouponId());
        dto.setTotalAmount(order.getTotalAmount());
        dto.setCouponAmount(order.getCouponAmount());
        dto.setPayAmount(order.getPayAmount());
        dto.setPayType(order.getPayType());
        dto.setExpireTime(order.getExpireTime());
        dto.setCreatedTime(order.getGmtCreate());
        if (payment != null) {
            dto.setPayStatus(payment.getPayStatus());
            dto.setOutTradeNo(payment.getOutTradeNo());
            dto.setPayTime(payment.getPayTime());
        }
        dto.setOrderItems(toItems(items));
        return dto;
    }

    static List<OrderItemDTO> toItems(List<OrderItemDO> items) {
        return items.stream().map(item -> {
            OrderItemDTO dto = new OrderItemDTO();
            dto.setOrderItemId(item.getOrderItemId());
            dto.setOrderId(item.getOrderId());
            dto.setSkuCode(item.getSkuCode());
            dto.setProductName(item.getProductName());
            dto.setSalePrice(item.getSalePrice());
            dto.setSaleQuantity(item.getSaleQuantity());
            dto.setOriginAmount(item.getOriginAmount());
            return dto;
        }).toList();
    }
}
