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
import com.eshop.order.domain.AfterSaleLifecycle;
import com.eshop.order.domain.AfterSaleLifecycle.Step;
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
import java.util.Optional;

/**
 * The refund's first stage (section 15) on CANCEL_REFUND_REQUEST, {@link Step#PREPARE_REFUND} of the
 * {@link AfterSaleLifecycle}: one after-sale per cancelled paid order, written as the local transaction of
 * ACTUAL_REFUND (section 19). A redelivery finds the after-sale past that step and sends nothing.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class PrepareRefundService {
    private final OrderRepository orderRepository;
    private final AfterSaleRepository afterSaleRepository;
    private final RedisLock redisLock;
    private final MqProducer mqProducer;

    public void processCancelOrder(CancelOrderAssembleRequest request) {
        String orderId = request.getOrderId();
        try (RedisLock.LockHandle ignored = redisLock.lock(OrderLocks.refundRequest(orderId))) {
            Optional<OrderPayment> payment = orderRepository.findPayment(orderId).filter(OrderPayment::isPaid);
            if (payment.isEmpty()) {
                log.warn("refund request for unpaid order {}: nothing to refund", orderId);
                return;
            }
            String afterSaleId = RefundRequestIds.afterSaleId(orderId);
            AfterSaleStatusEnum status = AfterSaleLifecycle.statusOf(afterSaleRepository.findAfterSale(afterSaleId));
            if (AfterSaleLifecycle.nextStep(status) != Step.PREPARE_REFUND) {
                log.info("after-sale {} is {}: refund request already processed", afterSaleId, status);
                return;
            }
            int refundAmount = calculatingCancelOrderRefundAmount(payment.get());
            mqProducer.sendInTransaction(RocketMqConstant.ACTUAL_REFUND_TOPIC, afterSaleId, actualRefundMessage(request),
                    attemptId -> insertCancelOrderAfterSale(request, afterSaleId, refundAmount, attemptId));
        }
    }

    /** Check-back of ACTUAL_REFUND: that attempt wrote the after-sale with its refund row (the article had this inverted). */
    public boolean isAfterSaleWrittenBy(String afterSaleId, String attemptId) {
        return afterSaleRepository.isChangedBy(afterSaleId, attemptId);
    }

    /** The body of ACTUAL_REFUND for a cancelled order's after-sale. */
    static ActualRefundMessage actualRefundMessage(CancelOrderAssembleRequest request) {
        ActualRefundMessage message = new ActualRefundMessage();
        message.setOrderId(request.getOrderId());
        message.setAfterSaleId(RefundRequestIds.afterSaleId(request.getOrderId()));
        message.setLastReturnGoods(request.isLastReturnGoods());
        return message;
    }

    /** A cancelled order is refunded in full: what was paid. */
    private static int calculatingCancelOrderRefundAmount(OrderPayment payment) {
        return payment.payAmount();
    }

    /** After-sale info, items, log and refund row, all or nothing. */
    private void insertCancelOrderAfterSale(CancelOrderAssembleRequest request, String afterSaleId, int refundAmount, String attemptId) {
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
        afterSaleRepository.insertAfterSale(afterSale, items, refund, attemptId);
    }
}
