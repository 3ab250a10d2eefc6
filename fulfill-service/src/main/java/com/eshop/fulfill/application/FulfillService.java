package com.eshop.fulfill.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.fulfill.CancelFulfillRequest;
import com.eshop.common.api.fulfill.FulfillItemRequest;
import com.eshop.common.api.fulfill.FulfillOrderDTO;
import com.eshop.common.api.fulfill.ReceiveFulfillRequest;
import com.eshop.common.api.tms.SendOutRequest;
import com.eshop.common.api.wms.PickGoodsRequest;
import com.eshop.common.api.wms.PickItemRequest;
import com.eshop.fulfill.domain.FulfillOrder;
import com.eshop.fulfill.domain.FulfillOrderItem;
import com.eshop.fulfill.domain.FulfillOrderRepository;
import com.eshop.fulfill.domain.FulfillOrderStatus;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;

/**
 * Fulfillment use cases. Both writes run as Seata AT branches of an order-service global transaction, and the
 * WMS and TMS calls join the same global transaction (the XID travels with the Dubbo call): a refusal anywhere
 * is re-thrown with its error code, so the caller's global transaction rolls everything back.
 */
@Slf4j
@Service
public class FulfillService {
    private static final int MAX_PRODUCT_NAME = 128;

    private final FulfillOrderRepository repository;
    private final WmsGateway wmsGateway;
    private final TmsGateway tmsGateway;
    private final InterceptionFaults faults;

    public FulfillService(FulfillOrderRepository repository, WmsGateway wmsGateway, TmsGateway tmsGateway,
                          InterceptionFaults faults) {
        this.repository = repository;
        this.wmsGateway = wmsGateway;
        this.tmsGateway = tmsGateway;
        this.faults = faults;
    }

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
            return toDto(created);
        }
        // FOR UPDATE: under Seata AT a plain read also sees the rows of a global transaction that is still to be
        // rolled back; the locking read waits for it (or fails and is retried) instead of taking them as done
        FulfillOrder existing = repository.lockByOrderId(orderId).orElseThrow(() ->
                new BizException(ErrorCode.SYSTEM_ERROR, "fulfill order of " + orderId + " neither inserted nor found"));
        if (existing.status().isCancelled()) {
            log.warn("order {}: fulfill order {} was cancelled (intercepted); not fulfilled again", orderId, existing.fulfillId());
        }
        return toDto(existing);
    }

    /**
     * Fulfillment interception (the article's cancelFulfill): moves the fulfill order, if present, to CANCELLED,
     * then cancels picking (WMS) and shipping (TMS). WMS refuses once the goods left the warehouse, TMS once the
     * parcel is in transit; either refusal surfaces as its error code. Nothing to cancel anywhere, or everything
     * already cancelled, is a success.
     * <p>
     * Rows are cancelled by a status change, never deleted: a deleted row protects nothing, while a kept row keeps
     * the Seata global lock of the cancelling global transaction until it has ended. A retried cancel that runs
     * while a dead attempt's global transaction still waits for its rollback then fails on that lock (and is
     * retried later) instead of finding no rows, committing, and seeing the rollback bring them back live.
     */
    @Transactional(rollbackFor = Exception.class)
    public Boolean cancelFulfill(CancelFulfillRequest request) {
        Checks.notNull(request, "request");
        String orderId = Checks.id(request.getOrderId(), "orderId");

        // FOR UPDATE: also the Seata global lock, so an unfinished global transaction on this row is waited for
        repository.lockByOrderId(orderId).ifPresent(fulfillOrder -> cancel(orderId, fulfillOrder));
        wmsGateway.cancelPickGoods(orderId);
        faults.afterPickingCancelled(orderId);
        tmsGateway.cancelSendOut(orderId);
        return true;
    }

    private void cancel(String orderId, FulfillOrder fulfillOrder) {
        FulfillOrderStatus status = fulfillOrder.status();
        if (status.isCancelled()) {
            log.info("order {}: fulfill order {} already cancelled", orderId, fulfillOrder.fulfillId());
            return;
        }
        if (!status.canCancel()) {
            throw new BizException(ErrorCode.SYSTEM_ERROR, "fulfill order " + fulfillOrder.fulfillId() + " of order "
                    + orderId + " cannot be cancelled from " + status);
        }
        if (!repository.markCancelled(fulfillOrder.fulfillId(), status)) {
            throw new BizException(ErrorCode.SYSTEM_ERROR, "fulfill order " + fulfillOrder.fulfillId() + " changed while locked");
        }
        log.info("order {}: fulfill order {} cancelled", orderId, fulfillOrder.fulfillId());
    }

    /** The order's fulfill order (its status tells a CANCELLED one from a live one), or null when it has none. */
    public FulfillOrderDTO getFulfillOrder(String orderId) {
        Checks.id(orderId, "orderId");
        return repository.findByOrderId(orderId).map(this::toDto).orElse(null);
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

    private FulfillOrderDTO toDto(FulfillOrder fulfillOrder) {
        FulfillOrderDTO dto = new FulfillOrderDTO();
        dto.setFulfillId(fulfillOrder.fulfillId());
        dto.setOrderId(fulfillOrder.orderId());
        dto.setStatus(fulfillOrder.status().code());
        dto.setItemCount(repository.countItems(fulfillOrder.fulfillId()));
        return dto;
    }
}
