package com.eshop.order.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.enums.PayTypeEnum;
import com.eshop.common.api.order.PrePayOrderDTO;
import com.eshop.common.api.order.PrePayOrderRequest;
import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderRepository;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import com.eshop.support.lock.RedisLock;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

import java.time.Instant;

/** Pre-pay (section 10): the owner of an unpaid, unexpired order gets the gateway's trade number for its pay amount. */
@Service
@RequiredArgsConstructor
public class PrePayOrderService {
    private final OrderRepository orderRepository;
    private final PayGateway payGateway;
    private final RedisLock redisLock;

    /** Under the pay lock; refused at once while the order is being cancelled. */
    public PrePayOrderDTO prePayOrder(PrePayOrderRequest request) {
        Checks.notNull(request, "request");
        String orderId = Checks.id(request.getOrderId(), "orderId");
        Checks.id(request.getUserId(), "userId");
        int payType = checkPayType(request.getPayType());
        int payAmount = Checks.positiveAmount(request.getPayAmount(), "payAmount");

        try (RedisLock.LockHandle payLock = redisLock.lock(OrderLocks.pay(orderId));
             RedisLock.LockHandle cancelLock = redisLock.tryLockNow(OrderLocks.cancel(orderId))
                     .orElseThrow(() -> new BizException(ErrorCode.ORDER_BEING_CANCELLED))) {
            Order order = orderRepository.findOrder(orderId).orElseThrow(() -> OrderQueryService.notFound(orderId));
            if (!order.isOwnedBy(request.getUserId())) {
                throw new BizException(ErrorCode.ORDER_NOT_OWNED);
            }
            if (order.status() != OrderStatusEnum.CREATED) {
                throw new BizException(ErrorCode.ORDER_STATUS_NOT_PAYABLE, "order status is " + order.status());
            }
            if (order.isExpiredAt(Instant.now())) {
                throw new BizException(ErrorCode.ORDER_PAY_EXPIRED);
            }
            if (payAmount != order.payAmount()) {
                throw new BizException(ErrorCode.ORDER_REAL_PAY_AMOUNT_MISMATCH,
                        "order pay amount is " + order.payAmount() + ", request says " + payAmount);
            }
            String outTradeNo = payGateway.prePay(orderId, order.userId(), payType, payAmount);
            orderRepository.choosePayType(orderId, payType);
            PrePayOrderDTO dto = new PrePayOrderDTO();
            dto.setOrderId(orderId);
            dto.setOutTradeNo(outTradeNo);
            dto.setPayType(payType);
            dto.setPayAmount(payAmount);
            return dto;
        }
    }

    static int checkPayType(Integer payType) {
        return PayTypeEnum.find(payType).orElseThrow(() -> BizException.invalid("payType must be one of 10 (WeChat) or 20 (Alipay)"))
                .getCode();
    }
}
