package com.eshop.order.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.enums.AfterSaleStatusEnum;
import com.eshop.common.api.enums.RefundStatusEnum;
import com.eshop.common.api.mq.ActualRefundMessage;
import com.eshop.common.api.mq.CancelOrderAssembleRequest;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.common.api.order.OrderDetailDTO;
import com.eshop.common.api.order.OrderItemDTO;
import com.eshop.order.domain.AfterSale;
import com.eshop.order.domain.AfterSaleItem;
import com.eshop.order.domain.AfterSaleRefund;
import com.eshop.order.domain.AfterSaleRepository;
import com.eshop.order.domain.AfterSaleTypeEnum;
import com.eshop.order.domain.OrderPayment;
import com.eshop.order.domain.OrderRepository;
import com.eshop.order.domain.RefundApportioning;
import com.eshop.order.domain.RefundRequestIds;
import com.eshop.support.error.BizException;
import com.eshop.support.lock.RedisLock;
import com.eshop.support.mq.MqProducer;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The refund's first stage (section 15) on CANCEL_REFUND_REQUEST: one after-sale per cancelled paid order, written as
 * the local transaction of ACTUAL_REFUND (section 19). A redelivery finds the after-sale and sends nothing.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class PrepareRefundService {
    private final OrderRepository orderRepository;
    private final AfterSaleRepository afterSaleRepository;
    private final RedisLock redisLock;
    private final MqProducer mqProducer;

    /** Message property of ACTUAL_REFUND: the attempt whose local transaction the message belongs to. */
    public static final String REQUEST_ID = "afterSaleRequestId";

    public void processCancelOrder(CancelOrderAssembleRequest request) {
        String orderId = request.getOrderId();
        try (RedisLock.LockHandle ignored = redisLock.lock(OrderLocks.refundRequest(orderId))) {
            Optional<OrderPayment> payment = orderRepository.findPayment(orderId).filter(OrderPayment::isPaid);
            if (payment.isEmpty()) {
                log.warn("refund request for unpaid order {}: nothing to refund", orderId);
                return;
            }
            String afterSaleId = RefundRequestIds.afterSaleId(orderId);
            if (afterSaleRepository.findAfterSale(afterSaleId).isPresent()) {
                log.info("after-sale {} exists: refund request already processed", afterSaleId);
                return;
            }
            int refundAmount = calculatingCancelOrderRefundAmount(payment.get());
            ActualRefundMessage message = new ActualRefundMessage();
            message.setOrderId(orderId);
            message.setAfterSaleId(afterSaleId);
            message.setLastReturnGoods(request.isLastReturnGoods());
            // a redelivery after a send whose outcome was lost leaves the first attempt's half message: its check-back
            // must find that attempt's own write, not the after-sale a later attempt wrote
            String requestId = UUID.randomUUID().toString();
            mqProducer.sendInTransaction(RocketMqConstant.ACTUAL_REFUND_TOPIC, afterSaleId, message, Map.of(REQUEST_ID, requestId),
                    () -> insertCancelOrderAfterSale(request, afterSaleId, refundAmount, requestId));
        }
    }

    /** Check-back of ACTUAL_REFUND: that attempt wrote the after-sale with its refund row (the article had this inverted). */
    public boolean isAfterSaleWrittenBy(String afterSaleId, String requestId) {
        return requestId != null && afterSaleRepository.isChangedBy(afterSaleId, requestId);
    }

    /** A cancelled order is refunded in full: what was paid. */
    private static int calculatingCancelOrderRefundAmount(OrderPayment payment) {
        return payment.payAmount();
    }

    /** After-sale info, items, log and refund row, all or nothing. */
    private void insertCancelOrderAfterSale(CancelOrderAssembleRequest request, String afterSaleId, int refundAmount, String requestId) {
        OrderDetailDTO order = request.getOrderInfoDTO();
        if (order.getTotalAmount() == null || order.getTotalAmount() <= 0) {
            throw new BizException(ErrorCode.SYSTEM_ERROR, "order " + request.getOrderId() + " has no total amount to apportion the refund by");
        }
        AfterSale afterSale = new AfterSale(afterSaleId, request.getOrderId(), request.getUserId(), AfterSaleTypeEnum.CANCEL_ORDER_REFUND.getCode(),
                AfterSaleStatusEnum.REVIEW_PASS, refundAmount, refundAmount, null);
        List<OrderItemDTO> orderItems = request.getOrderItemDTOList();
        List<Integer> shares = RefundApportioning.apportion(refundAmount, orderItems.stream().map(OrderItemDTO::getOriginAmount).toList(),
                order.getTotalAmount());
        List<AfterSaleItem> items = new ArrayList<>();
        for (int i = 0; i < orderItems.size(); i++) {
            OrderItemDTO item = orderItems.get(i);
            items.add(new AfterSaleItem(afterSaleId, request.getOrderId(), item.getSkuCode(), item.getProductName(), item.getSaleQuantity(),
                    shares.get(i), shares.get(i)));
        }
        AfterSaleRefund refund = new AfterSaleRefund(afterSaleId, request.getOrderId(), RefundRequestIds.forAfterSale(afterSaleId),
                order.getPayType(), order.getOutTradeNo(), refundAmount, RefundStatusEnum.UN_REFUND);
        afterSaleRepository.insertAfterSale(afterSale, items, refund, requestId);
    }
}
