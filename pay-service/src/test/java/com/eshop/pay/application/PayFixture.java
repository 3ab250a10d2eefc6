package com.eshop.pay.application;

import com.eshop.pay.domain.PayCapture;
import com.eshop.pay.domain.PayCaptureRepository;
import com.eshop.pay.domain.PayRefund;
import com.eshop.pay.domain.PayRefundRepository;
import com.eshop.pay.domain.PayTransaction;
import com.eshop.pay.domain.PayTransactionRepository;
import com.eshop.pay.domain.PayTransactionStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** pay_db's tables in memory for the use cases' tests; the inserts honour the unique keys like the real ones. */
class PayFixture {
    final List<PayTransaction> transactions = new ArrayList<>();
    final List<PayRefund> refunds = new ArrayList<>();
    final List<PayCapture> captures = new ArrayList<>();

    final PayTransactionRepository transactionRepository = new PayTransactionRepository() {
        @Override
        public synchronized Optional<PayTransaction> findByOrderIdAndPayType(String orderId, int payType) {
            return transactions.stream().filter(t -> t.orderId().equals(orderId) && t.payType() == payType).findFirst();
        }

        @Override
        public synchronized Optional<PayTransaction> findByOutTradeNo(String outTradeNo) {
            return transactions.stream().filter(t -> t.outTradeNo().equals(outTradeNo)).findFirst();
        }

        @Override
        public synchronized void markPaid(String outTradeNo) {
            findByOutTradeNo(outTradeNo).ifPresent(t -> transactions.set(transactions.indexOf(t), new PayTransaction(t.outTradeNo(),
                    t.orderId(), t.userId(), t.payType(), t.payAmount(), PayTransactionStatus.PAID.code())));
        }

        @Override
        public synchronized boolean insert(PayTransaction t) {
            if (findByOrderIdAndPayType(t.orderId(), t.payType()).isPresent()) {
                return false;
            }
            return transactions.add(t);
        }
    };

    final PayRefundRepository refundRepository = new PayRefundRepository() {
        @Override
        public synchronized Optional<PayRefund> findByRefundRequestId(String id) {
            return refunds.stream().filter(r -> r.refundRequestId().equals(id)).findFirst();
        }

        @Override
        public synchronized boolean insert(PayRefund refund) {
            if (findByRefundRequestId(refund.refundRequestId()).isPresent()) {
                return false;
            }
            return refunds.add(refund);
        }

        @Override
        public synchronized long sumRefundedByOutTradeNo(String outTradeNo) {
            return refunds.stream().filter(r -> outTradeNo.equals(r.outTradeNo())).mapToLong(PayRefund::refundAmount).sum();
        }

        @Override
        public synchronized List<PayRefund> listByOrderId(String orderId) {
            return refunds.stream().filter(r -> r.orderId().equals(orderId)).toList();
        }
    };

    final PayCaptureRepository captureRepository = new PayCaptureRepository() {
        @Override
        public Optional<PayCapture> lockByOutTradeNo(String outTradeNo) {
            return findByOutTradeNo(outTradeNo);
        }

        @Override
        public synchronized Optional<PayCapture> findByOutTradeNo(String outTradeNo) {
            return captures.stream().filter(c -> c.outTradeNo().equals(outTradeNo)).findFirst();
        }

        @Override
        public synchronized boolean insert(PayCapture capture) {
            return findByOutTradeNo(capture.outTradeNo()).isEmpty() && captures.add(capture);
        }
    };

    /** The ledger over these tables; bookings are serialized as the capture's row lock (SELECT ... FOR UPDATE) does. */
    RefundLedger refundLedger() {
        return new RefundLedger(captureRepository, refundRepository) {
            @Override
            public synchronized boolean book(PayRefund wanted) {
                return super.book(wanted);
            }
        };
    }
}
