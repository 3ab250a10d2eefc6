package com.eshop.order.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.RedisLockKeyConstants;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.enums.PayTypeEnum;
import com.eshop.common.api.mq.PaidOrderSuccessMessage;
import com.eshop.common.api.mq.PayOrderTimeoutDelayMessage;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.common.api.order.CreateOrderRequest;
import com.eshop.common.api.order.OrderDetailDTO;
import com.eshop.common.api.order.OrderItemRequest;
import com.eshop.common.api.order.PayCallbackRequest;
import com.eshop.common.api.order.PrePayOrderDTO;
import com.eshop.common.api.order.PrePayOrderRequest;
import com.eshop.common.api.pay.PayPrePayDTO;
import com.eshop.order.domain.OrderAmounts;
import com.eshop.order.domain.OrderOperateTypeEnum;
import com.eshop.order.domain.OrderStatusTransitions;
import com.eshop.order.domain.PayCallbackDecision;
import com.eshop.order.domain.RefundRequestIds;
import com.eshop.order.infrastructure.gateway.PayGateway;
import com.eshop.order.infrastructure.persistence.OrderInfoDO;
import com.eshop.order.infrastructure.persistence.OrderItemDO;
import com.eshop.order.infrastructure.persistence.OrderPaymentDetailDO;
import com.eshop.order.infrastructure.persistence.OrderRepository;
import com.eshop.order.infrastructure.persistence.ProductSkuDO;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import com.eshop.support.lock.RedisLock;
import com.eshop.support.mq.MqProducer;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Forward order flow: create, pre-pay, pay callback (sections 5, 10, 11), fulfillment trigger, out-stock. */
@Slf4j
@Service
@RequiredArgsConstructor
public class OrderService {
    private final OrderRepository orderRepository;
    private final OrderManager orderManager;
    private final OrderNoManager orderNoManager;
    private final OrderProperties orderProperties;
    private final OrderFaults orderFaults;
    private final PayGateway payGateway;
    private final RedisLock redisLock;
    private final MqProducer mqProducer;

    public CreateOrderDTO createOrder(CreateOrderRequest request) {
        checkCreateOrderRequestParam(request);
        String orderId = request.getOrderId() != null ? request.getOrderId() : orderNoManager.genOrderId();
        if (orderRepository.findOrder(orderId) != null) {
            throw new BizException(ErrorCode.ORDER_ALREADY_EXISTS, "order " + orderId + " already exists");
        }
        Map<String, Integer> quantities = mergeQuantities(request.getOrderItemRequestList());
        Map<String, ProductSkuDO> skus = orderRepository.findSkus(quantities.keySet()).stream()
                .collect(Collectors.toMap(ProductSkuDO::getSkuCode, Function.identity()));
        List<OrderAmounts.Line> lines = new ArrayList<>();
        List<OrderItemDO> items = new ArrayList<>();
        quantities.forEach((skuCode, quantity) -> {
            ProductSkuDO sku = Optional.ofNullable(skus.get(skuCode))
                    .orElseThrow(() -> new BizException(ErrorCode.PRODUCT_SKU_NOT_FOUND, "sku " + skuCode + " does not exist"));
            OrderAmounts.Line line = new OrderAmounts.Line(skuCode, sku.getSalePrice(), quantity);
            lines.add(line);
            items.add(orderItem(orderId, items.size() + 1, sku, quantity, line));
        });
        int totalAmount = OrderAmounts.total(lines, Checks.MAX_AMOUNT).orElseThrow(() ->
                BizException.invalid("order amount exceeds " + Checks.MAX_AMOUNT));

        OrderInfoDO order = new OrderInfoDO();
        order.setOrderId(orderId);
        order.setUserId(request.getUserId());
        order.setBusinessIdentifier(request.getBusinessIdentifier());
        order.setOrderType(request.getOrderType());
        order.setOrderStatus(OrderStatusEnum.CREATED.getCode());
        order.setCouponId(request.getCouponId());
        order.setTotalAmount(totalAmount);
        order.setExpireTime(new Date(System.currentTimeMillis() + orderProperties.getPayTimeout().toMillis()));
        orderManager.createOrder(order, items, request.getPayAmount());

        sendPayOrderTimeoutDelayMessage(order);
        CreateOrderDTO dto = new CreateOrderDTO();
        dto.setOrderId(orderId);
        dto.setPayAmount(order.getPayAmount());
        dto.setExpireTime(order.getExpireTime());
        return dto;
    }

    /** Due at the expire time. If it is lost, AutoCancelExpiredOrderTask cancels the order instead. */
    private void sendPayOrderTimeoutDelayMessage(OrderInfoDO order) {
        if (orderFaults.dropPayTimeoutMessage()) {
            log.warn("fault injection: pay-timeout message of {} dropped", order.getOrderId());
            return;
        }
        PayOrderTimeoutDelayMessage message = new PayOrderTimeoutDelayMessage();
        message.setOrderId(order.getOrderId());
        message.setUserId(order.getUserId());
        message.setBusinessIdentifier(order.getBusinessIdentifier());
        message.setOrderType(order.getOrderType());
        message.setOrderStatus(order.getOrderStatus());
        message.setExpireTimeMillis(order.getExpireTime().getTime());
        sendPayOrderTimeoutDelayMessage(message);
    }

    /** Also used to re-delay a message that arrived before the expire time. */
    public void sendPayOrderTimeoutDelayMessage(PayOrderTimeoutDelayMessage message) {
        try {
            mqProducer.sendAt(RocketMqConstant.PAY_ORDER_TIMEOUT_DELAY_TOPIC, message.getOrderId(), message, message.getExpireTimeMillis());
        } catch (BizException e) {
            log.error("pay-timeout message of {} not sent; the expired-order scan will cancel it: {}", message.getOrderId(), e.getMessage());
        }
    }

    public PrePayOrderDTO prePayOrder(PrePayOrderRequest request) {
        Checks.notNull(request, "request");
        String orderId = Checks.id(request.getOrderId(), "orderId");
        Checks.id(request.getUserId(), "userId");
        int payType = checkPayType(request.getPayType());
        int payAmount = Checks.positiveAmount(request.getPayAmount(), "payAmount");

        try (RedisLock.LockHandle payLock = redisLock.lock(RedisLockKeyConstants.ORDER_PAY_KEY + orderId);
             RedisLock.LockHandle cancelLock = redisLock.tryLockNow(RedisLockKeyConstants.CANCEL_KEY + orderId)
                     .orElseThrow(() -> new BizException(ErrorCode.ORDER_BEING_CANCELLED))) {
            OrderInfoDO order = findOrder(orderId);
            if (!order.getUserId().equals(request.getUserId())) {
                throw new BizException(ErrorCode.ORDER_NOT_OWNED);
            }
            if (!OrderStatusEnum.CREATED.getCode().equals(order.getOrderStatus())) {
                throw new BizException(ErrorCode.ORDER_STATUS_NOT_PAYABLE,
                        "order status is " + OrderStatusEnum.of(order.getOrderStatus()));
            }
            if (!order.getExpireTime().after(new Date())) {
                throw new BizException(ErrorCode.ORDER_PAY_EXPIRED);
            }
            if (payAmount != order.getPayAmount()) {
                throw new BizException(ErrorCode.ORDER_REAL_PAY_AMOUNT_MISMATCH,
                        "order pay amount is " + order.getPayAmount() + ", request says " + payAmount);
            }
            PayPrePayDTO prePay = payGateway.prePay(orderId, order.getUserId(), payType, payAmount);
            orderRepository.choosePayType(orderId, payType);
            PrePayOrderDTO dto = new PrePayOrderDTO();
            dto.setOrderId(orderId);
            dto.setOutTradeNo(prePay.getOutTradeNo());
            dto.setPayType(payType);
            dto.setPayAmount(payAmount);
            return dto;
        }
    }

    /**
     * Holds ORDER_PAY_KEY (against concurrent callbacks and pre-pay) and CANCEL_KEY (against cancel), so an
     * order is paid or cancelled, never both at once (section 10).
     */
    public void payCallback(PayCallbackRequest request) {
        Checks.notNull(request, "request");
        String orderId = Checks.id(request.getOrderId(), "orderId");
        int payAmount = Checks.positiveAmount(request.getPayAmount(), "payAmount");
        int payType = checkPayType(request.getPayType());
        // every refund of this payment is made against the gateway's trade number
        String outTradeNo = Checks.id(request.getOutTradeNo(), "outTradeNo");

        List<String> keys = List.of(RedisLockKeyConstants.ORDER_PAY_KEY + orderId, RedisLockKeyConstants.CANCEL_KEY + orderId);
        try (RedisLock.LockHandle ignored = redisLock.multiLock(keys)) {
            OrderInfoDO order = requireExists(orderRepository.findCommittedOrder(orderId), orderId);
            if (payAmount != order.getPayAmount()) {
                throw new BizException(ErrorCode.ORDER_CALLBACK_PAY_AMOUNT_ERROR,
                        "order pay amount is " + order.getPayAmount() + ", callback says " + payAmount);
            }
            payGateway.recordCapture(orderId, payType, outTradeNo, payAmount);
            OrderPaymentDetailDO payment = orderRepository.findPaymentDetail(orderId);
            Integer acceptedPayType = orderRepository.isPaid(payment) ? payment.getPayType() : null;
            OrderStatusEnum status = OrderStatusEnum.of(order.getOrderStatus());
            switch (PayCallbackDecision.decide(status, acceptedPayType, payType)) {
                case ACCEPT -> sendPaidOrderSuccessMessage(orderId, payType, outTradeNo, payAmount);
                case ALREADY_ACCEPTED -> log.info("pay callback for {} repeated: nothing to do", orderId);
                case REFUND_PAID_AFTER_CANCEL -> {
                    refundUnacceptedPayment(orderId, payType, outTradeNo, payAmount);
                    throw new BizException(ErrorCode.ORDER_CANCEL_PAY_CALLBACK_REFUNDED);
                }
                case REFUND_OTHER_PAY_TYPE -> {
                    refundUnacceptedPayment(orderId, payType, outTradeNo, payAmount);
                    throw new BizException(ErrorCode.ORDER_PAY_TYPE_REPEAT_REFUNDED);
                }
            }
        }
    }

    /** CREATED -> PAID as the local transaction of PAID_ORDER_SUCCESS (PaidOrderSuccessTransaction). */
    private void sendPaidOrderSuccessMessage(String orderId, int payType, String outTradeNo, int payAmount) {
        PaidOrderSuccessMessage message = new PaidOrderSuccessMessage();
        message.setOrderId(orderId);
        message.setOutTradeNo(outTradeNo);
        PaidOrderCommand command = new PaidOrderCommand(orderId, payType, outTradeNo, payAmount);
        if (mqProducer.sendInTransaction(RocketMqConstant.PAID_ORDER_SUCCESS_TOPIC, orderId, message, Map.of(), command)
                != LocalTransactionState.COMMIT_MESSAGE) {
            throw new BizException(ErrorCode.SYSTEM_ERROR, "payment of " + orderId + " not confirmed yet; the callback may be retried");
        }
    }

    /** The arg of PAID_ORDER_SUCCESS's local transaction. */
    public record PaidOrderCommand(String orderId, int payType, String outTradeNo, int payAmount) {
    }

    /** Refunds a payment the order does not keep. The refund id is fixed per (order, pay type): retries refund once. */
    private void refundUnacceptedPayment(String orderId, int payType, String outTradeNo, int payAmount) {
        String refundRequestId = RefundRequestIds.forUnacceptedPayment(orderId, payType);
        var record = orderRepository.recordUnacceptedPayment(orderId, payType, outTradeNo, payAmount, refundRequestId);
        payGateway.executeRefund(record.getRefundRequestId(), orderId, record.getOutTradeNo(), payType, record.getPayAmount());
        orderRepository.markPaymentRefunded(orderId, payType);
        log.info("payment of {} with pay type {} refunded ({})", orderId, payType, refundRequestId);
    }

    public boolean isPaymentAccepted(String orderId) {
        return orderRepository.isPaid(orderRepository.findPaymentDetail(orderId));
    }

    /**
     * Consumer of PAID_ORDER_SUCCESS: under CANCEL_KEY, a PAID order goes to fulfillment; a cancelled or already
     * fulfilled one is left alone, so a redelivery or a late message creates nothing.
     */
    public void fulfillPaidOrder(String orderId) {
        try (RedisLock.LockHandle ignored = redisLock.lock(RedisLockKeyConstants.CANCEL_KEY + orderId)) {
            // a FULFILL left by a fulfillment still to be rolled back must not count: the message would be consumed
            OrderInfoDO order = orderRepository.findCommittedOrder(orderId);
            if (order == null || !OrderStatusEnum.PAID.getCode().equals(order.getOrderStatus())) {
                log.info("order {} is not PAID ({}): no fulfillment", orderId, order == null ? null : order.getOrderStatus());
                return;
            }
            orderManager.fulfillOrder(order, orderRepository.findItems(orderId));
        }
    }

    /** Called inside WMS's out-stock global transaction. */
    public void confirmOutStock(String orderId) {
        Checks.id(orderId, "orderId");
        OrderInfoDO order = findOrder(orderId);
        OrderStatusEnum status = OrderStatusEnum.of(order.getOrderStatus());
        if (status == OrderStatusEnum.OUT_STOCK) {
            return;
        }
        if (!OrderStatusTransitions.canTransit(status, OrderStatusEnum.OUT_STOCK)
                || !orderRepository.transit(orderId, status, OrderStatusEnum.OUT_STOCK, OrderOperateTypeEnum.OUT_STOCK)) {
            throw new BizException(ErrorCode.ORDER_STATUS_NOT_OUT_STOCKABLE, "order " + orderId + " is " + status);
        }
    }

    public OrderDetailDTO getOrderDetail(String orderId) {
        Checks.id(orderId, "orderId");
        OrderInfoDO order = findOrder(orderId);
        return OrderDtoAssembler.toDetail(order, orderRepository.findItems(orderId), orderRepository.findPaymentDetail(orderId));
    }

    private OrderInfoDO findOrder(String orderId) {
        return requireExists(orderRepository.findOrder(orderId), orderId);
    }

    private static OrderInfoDO requireExists(OrderInfoDO order, String orderId) {
        if (order == null) {
            throw new BizException(ErrorCode.ORDER_NOT_FOUND, "order " + orderId + " does not exist");
        }
        return order;
    }

    private static void checkCreateOrderRequestParam(CreateOrderRequest request) {
        Checks.notNull(request, "request");
        if (request.getOrderId() != null) {
            Checks.id(request.getOrderId(), "orderId");
        }
        Checks.id(request.getUserId(), "userId");
        if (request.getCouponId() != null) {
            Checks.id(request.getCouponId(), "couponId");
        }
        if (request.getPayAmount() != null) {
            Checks.positiveAmount(request.getPayAmount(), "payAmount");
        }
        Checks.notEmpty(request.getOrderItemRequestList(), "orderItemRequestList");
        for (OrderItemRequest item : request.getOrderItemRequestList()) {
            Checks.id(item.getSkuCode(), "skuCode");
            Checks.positiveQuantity(item.getSaleQuantity(), "saleQuantity");
        }
    }

    private static Map<String, Integer> mergeQuantities(List<OrderItemRequest> items) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (OrderItemRequest item : items) {
            int merged = quantities.merge(item.getSkuCode(), item.getSaleQuantity(), Integer::sum);
            Checks.positiveQuantity(merged, "saleQuantity of " + item.getSkuCode());
        }
        return quantities;
    }

    private static OrderItemDO orderItem(String orderId, int index, ProductSkuDO sku, int quantity, OrderAmounts.Line line) {
        OrderItemDO item = new OrderItemDO();
        item.setOrderItemId(orderId + "-" + index);
        item.setOrderId(orderId);
        item.setSkuCode(sku.getSkuCode());
        item.setProductName(sku.getProductName());
        item.setSalePrice(sku.getSalePrice());
        item.setSaleQuantity(quantity);
        item.setOriginAmount((int) line.amount());
        return item;
    }

    private static int checkPayType(Integer payType) {
        return PayTypeEnum.find(payType).orElseThrow(() -> BizException.invalid("payType must be one of 10 (WeChat) or 20 (Alipay)"))
                .getCode();
    }
}
