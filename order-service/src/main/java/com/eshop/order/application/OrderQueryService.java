package com.eshop.order.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.order.AfterSaleDTO;
import com.eshop.common.api.order.OrderDetailDTO;
import com.eshop.order.domain.AfterSaleRepository;
import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderRepository;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

import java.util.List;

/** Reads for clients and the other services. */
@Service
@RequiredArgsConstructor
public class OrderQueryService {
    private final OrderRepository orderRepository;
    private final AfterSaleRepository afterSaleRepository;

    public OrderDetailDTO getOrderDetail(String orderId, String userId) {
        Order order = ownedOrder(orderId, userId);
        return OrderDtoAssembler.toDetail(order, orderRepository.findItems(orderId), orderRepository.findPayment(orderId));
    }

    public List<AfterSaleDTO> listAfterSales(String orderId, String userId) {
        ownedOrder(orderId, userId);
        return afterSaleRepository.listByOrder(orderId).stream()
                .map(afterSale -> OrderDtoAssembler.toAfterSale(afterSale, afterSaleRepository.findRefund(afterSale.afterSaleId())))
                .toList();
    }

    private Order ownedOrder(String orderId, String userId) {
        Checks.id(orderId, "orderId");
        Checks.id(userId, "userId");
        Order order = orderRepository.findOrder(orderId).orElseThrow(() -> notFound(orderId));
        if (!order.isOwnedBy(userId)) {
            throw new BizException(ErrorCode.ORDER_NOT_OWNED);
        }
        return order;
    }

    /** Stock and coupons are released only for an order whose cancellation is globally committed. */
    public boolean isCancellationCommitted(String orderId) {
        Checks.id(orderId, "orderId");
        return orderRepository.findCommittedOrder(orderId).orElseThrow(() -> notFound(orderId)).status() == OrderStatusEnum.CANCELED;
    }

    static BizException notFound(String orderId) {
        return new BizException(ErrorCode.ORDER_NOT_FOUND, "order " + orderId + " does not exist");
    }
}
