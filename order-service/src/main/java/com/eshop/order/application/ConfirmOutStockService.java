package com.eshop.order.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderOperateTypeEnum;
import com.eshop.order.domain.OrderRepository;
import com.eshop.order.domain.OrderStatusTransitions;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** The goods left the warehouse: FULFILL -> OUT_STOCK, called inside WMS's out-stock global transaction. */
@Service
@RequiredArgsConstructor
public class ConfirmOutStockService {
    private final OrderRepository orderRepository;

    public void confirmOutStock(String orderId) {
        Checks.id(orderId, "orderId");
        Order order = orderRepository.findOrder(orderId).orElseThrow(() -> OrderQueryService.notFound(orderId));
        if (order.status() == OrderStatusEnum.OUT_STOCK) {
            return;
        }
        if (!OrderStatusTransitions.canTransit(order.status(), OrderStatusEnum.OUT_STOCK)
                || !orderRepository.transit(orderId, order.status(), OrderStatusEnum.OUT_STOCK, OrderOperateTypeEnum.OUT_STOCK)) {
            throw new BizException(ErrorCode.ORDER_STATUS_NOT_OUT_STOCKABLE, "order " + orderId + " is " + order.status());
        }
    }
}
