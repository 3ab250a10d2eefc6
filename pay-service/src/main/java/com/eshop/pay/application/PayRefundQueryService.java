package com.eshop.pay.application;

import com.eshop.common.api.pay.PayRefundDTO;
import com.eshop.pay.domain.PayRefundRepository;
import com.eshop.support.error.Checks;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

import java.util.List;

/** Reads of refunds. */
@Service
@RequiredArgsConstructor
public class PayRefundQueryService {
    private final PayRefundRepository refundRepository;

    public List<PayRefundDTO> listRefunds(String orderId) {
        Checks.id(orderId, "orderId");
        return refundRepository.listByOrderId(orderId).stream().map(refund -> {
            PayRefundDTO dto = new PayRefundDTO();
            dto.setRefundRequestId(refund.refundRequestId());
            dto.setOrderId(refund.orderId());
            dto.setRefundAmount(refund.refundAmount());
            dto.setStatus(refund.status());
            return dto;
        }).toList();
    }
}
