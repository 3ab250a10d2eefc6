package com.eshop.pay.infrastructure;

import com.eshop.pay.domain.PayTransaction;
import com.eshop.pay.domain.PayTransactionRepository;
import com.eshop.pay.domain.PayTransactionStatus;
import com.eshop.pay.infrastructure.dataobject.PayTransactionDO;
import com.eshop.pay.infrastructure.mapper.PayTransactionMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

import java.util.Optional;

@Repository
public class MybatisPayTransactionRepository implements PayTransactionRepository {
    private final PayTransactionMapper mapper;

    public MybatisPayTransactionRepository(PayTransactionMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<PayTransaction> findByOrderIdAndPayType(String orderId, int payType) {
        return Optional.ofNullable(mapper.selectByOrderIdAndPayType(orderId, payType)).map(MybatisPayTransactionRepository::toDomain);
    }

    @Override
    public Optional<PayTransaction> findByOutTradeNo(String outTradeNo) {
        return Optional.ofNullable(mapper.selectByOutTradeNo(outTradeNo)).map(MybatisPayTransactionRepository::toDomain);
    }

    @Override
    public void markPaid(String outTradeNo) {
        mapper.updateStatus(outTradeNo, PayTransactionStatus.WAITING.code(), PayTransactionStatus.PAID.code());
    }

    @Override
    public boolean insert(PayTransaction transaction) {
        PayTransactionDO row = new PayTransactionDO();
        row.setOutTradeNo(transaction.outTradeNo());
        row.setOrderId(transaction.orderId());
        row.setUserId(transaction.userId());
        row.setPayType(transaction.payType());
        row.setPayAmount(transaction.payAmount());
        row.setStatus(transaction.status());
        try {
            return mapper.insert(row) == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static PayTransaction toDomain(PayTransactionDO row) {
        return new PayTransaction(row.getOutTradeNo(), row.getOrderId(), row.getUserId(), row.getPayType(),
                row.getPayAmount(), row.getStatus());
    }
}
