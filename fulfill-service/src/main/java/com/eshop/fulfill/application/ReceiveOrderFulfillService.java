package com.eshop.fulfill.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.fulfill.FulfillItemRequest;
import com.eshop.common.api.fulfill.FulfillOrderDTO;
import com.eshop.common.api.fulfill.ReceiveFulfillRequest;
import com.eshop.common.api.tms.SendOutRequest;
import com.eshop.common.api.wms.PickGoodsRequest;
import com.eshop.common.api.wms.PickItemRequest;
import com.eshop.fulfill.domain.FulfillOrder;
import com.eshop.fulfill.domain.FulfillOrderItem;
import com.eshop.fulfill.domain.FulfillOrderRepository;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;

/**
 * Fulfillment of a paid order, a Seata AT branch of order-service's fulfillment global transaction; the WMS and
 * TMS calls join the same global transaction (the XID travels with the Dubbo call): a refusal anywhere is
 * re-thrown with its error code, so the caller's global transaction rolls everything back.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class ReceiveOrderFulfillService {
    private static final int MAX_PRODUCT_NAME = 128;

    private final FulfillOrderRepository repository;
    private final WmsGateway wmsGateway;
    private final TmsGateway tmsGateway;

    /**
     * Creates the fulfill order, then the delivery order (WMS) and the logistic order (TMS). Idempotent per order:
     * an existing fulfill order is returned as it is (it committed together with its WMS and TMS orders), also a
     * CANCELLED one: an intercepted fulfillment is never created again nor revived, and the DTO's status tells the
     * caller it is cancelled.
     */
    @Transactional(rollbackFor = Exception.class)
    public FulfillOrderDTO receiveOrderFulfill(ReceiveFulfillRequest request) {
        Checks.notNull(request, "request");
        String orderId = Checks.id(request.getOrderId(), "orderId");
        String userId = Checks.id(request.getUserId(), "userId");
        int payAmount = Checks.positiveAmount(request.getPayAmount(), "payAmount");
        List<FulfillOrderItem> items = toItems(request.getFulfillItems());

        // insert first: a locking read of an absent row would take a gap lock, and two such transactions inserting
        // into the same gap deadlock (paid orders arriving together did, each costing a consumer retry)
        FulfillOrder created = FulfillOrder.created(orderId, userId, payAmount);
        if (repository.insert(created, items)) {
            wmsGateway.pickGoods(pickGoodsRequest(created, items));
            tmsGateway.sendOut(sendOutRequest(created));
            log.info("order {}: fulfill order {} created with {} item(s)", orderId, created.fulfillId(), items.size());
            return FulfillOrderDtoAssembler.toDto(created, repository);
        }
        // FOR UPDATE: under Seata AT a plain read also sees the rows of a global transaction that is still to be
        // rolled back; the locking read waits for it (or fails and is retried) instead of taking them as done
        FulfillOrder existing = repository.lockByOrderId(orderId).orElseThrow(() ->
                new BizException(ErrorCode.SYSTEM_ERROR, "fulfill order of " + orderId + " neither inserted nor found"));
        if (existing.status().isCancelled()) {
            log.warn("order {}: fulfill order {} was cancelled (intercepted); not fulfilled again", orderId, existing.fulfillId());
        }
        return FulfillOrderDtoAssembler.toDto(existing, repository);
    }

    private static List<FulfillOrderItem> toItems(List<FulfillItemRequest> items) {
        Checks.notEmpty(items, "fulfillItems");
        return items.stream().map(item -> new FulfillOrderItem(
                Checks.id(item.getSkuCode(), "skuCode"),
                productName(item.getProductName()),
                Checks.positiveQuantity(item.getSaleQuantity(), "saleQuantity"),
                Checks.positiveAmount(item.getSalePrice(), "salePrice"))).toList();
    }

    private static String productName(String name) {
        if (name != null && name.length() > MAX_PRODUCT_NAME) {
            throw BizException.invalid("productName must be at most " + MAX_PRODUCT_NAME + " characters");
        }
        return name;
    }

    private static PickGoodsRequest pickGoodsRequest(FulfillOrder fulfillOrder, List<FulfillOrderItem> items) {
        List<PickItemRequest> pickItems = new ArrayList<>();
        for (FulfillOrderItem item : items) {
            PickItemRequest pickItem = new PickItemRequest();
            pickItem.setSkuCode(item.skuCode());
            pickItem.setPickQuantity(item.saleQuantity());
            pickItems.add(pickItem);
        }
        PickGoodsRequest request = new PickGoodsRequest();
        request.setOrderId(fulfillOrder.orderId());
        request.setFulfillId(fulfillOrder.fulfillId());
        request.setPickItems(pickItems);
        return request;
    }

    private static SendOutRequest sendOutRequest(FulfillOrder fulfillOrder) {
        SendOutRequest request = new SendOutRequest();
        request.setOrderId(fulfillOrder.orderId());
        request.setFulfillId(fulfillOrder.fulfillId());
        request.setUserId(fulfillOrder.userId());
        return request;
    }
}
