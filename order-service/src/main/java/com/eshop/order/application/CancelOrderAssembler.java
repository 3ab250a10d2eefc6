package com.eshop.order.application;

import com.eshop.common.api.enums.OrderCancelTypeEnum;
import com.eshop.common.api.mq.CancelOrderAssembleRequest;
import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderItem;
import com.eshop.order.domain.OrderRepository;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.List;

/** The body of RELEASE_ASSETS: the order as it was when the cancel was decided. */
@Component
@RequiredArgsConstructor
public class CancelOrderAssembler {
    private final OrderRepository orderRepository;

    public CancelOrderAssembleRequest assemble(Order order, OrderCancelTypeEnum cancelType) {
        String orderId = order.orderId();
        List<OrderItem> items = orderRepository.findItems(orderId);
        CancelOrderAssembleRequest request = new CancelOrderAssembleRequest();
        request.setOrderId(orderId);
        request.setUserId(order.userId());
        request.setCancelType(cancelType.getCode());
        request.setOrderInfoDTO(OrderDtoAssembler.toDetail(order, items, orderRepository.findPayment(orderId)));
        request.setOrderItemDTOList(OrderDtoAssembler.toItems(items));
        return request;
    }
}
