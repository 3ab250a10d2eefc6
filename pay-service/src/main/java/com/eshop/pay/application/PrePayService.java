package com.eshop.pay.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.pay.PayPrePayDTO;
import com.eshop.common.api.pay.PayPrePayRequest;
import com.eshop.pay.domain.PayTransaction;
import com.eshop.pay.domain.PayTransactionRepository;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** Pre-pay opens the trade; the unique (order, pay type) key makes a retried or concurrent duplicate change nothing. */
@Service
@RequiredArgsConstructor
public class PrePayService {
    private final PayTransactionRepository transactionRepository;

    /** The transaction for (order, pay type): the existing one, or a new one with a fresh out trade number. */
    public PayPrePayDTO prePay(PayPrePayRequest request) {
        Checks.notNull(request, "request");
        String orderId = Checks.id(request.getOrderId(), "orderId");
        String userId = Checks.id(request.getUserId(), "userId");
        int payType = PayTypes.supported(request.getPayType());
        int payAmount = Checks.positiveAmount(request.getPayAmount(), "payAmount");

        PayTransaction transaction = transactionRepository.findByOrderIdAndPayType(orderId, payType).orElse(null);
        if (transaction == null) {
            PayTransaction created = PayTransaction.waiting(orderId, userId, payType, payAmount);
            transaction = transactionRepository.insert(created) ? created
                    : transactionRepository.findByOrderIdAndPayType(orderId, payType).orElseThrow(() ->
                    new BizException(ErrorCode.SYSTEM_ERROR, "pay transaction of " + orderId + " neither inserted nor found"));
        }
        PayPrePayDTO dto = new PayPrePayDTO();
        dto.setOrderId(transaction.orderId());
        dto.setOutTradeNo(transaction.outTradeNo());
        dto.setPayType(transaction.payType());
        dto.setPayAmount(transaction.payAmount());
        return dto;
    }
}
