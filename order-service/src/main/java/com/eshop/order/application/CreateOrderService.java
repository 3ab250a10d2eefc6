package com.eshop.order.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.common.api.order.CreateOrderRequest;
import com.eshop.common.api.order.OrderItemRequest;
import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderAmounts;
import com.eshop.order.domain.OrderItem;
import com.eshop.order.domain.OrderRepository;
import com.eshop.order.domain.ProductSku;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Creating an order (section 5): priced here, coupon and stock locked in one global transaction, timeout message sent. */
@Service
@RequiredArgsConstructor
public class CreateOrderService {
    private final OrderRepository orderRepository;
    private final CreateOrderGlobalTransaction createOrderGlobalTransaction;
    private final PayOrderTimeoutService payOrderTimeoutService;
    private final OrderNoManager orderNoManager;
    private final OrderProperties orderProperties;

    public CreateOrderDTO createOrder(CreateOrderRequest request) {
        checkCreateOrderRequestParam(request);
        String orderId = request.getOrderId() != null ? request.getOrderId() : orderNoManager.genOrderId();
        // an order row of an earlier attempt exists only once that attempt's global transaction is committed: while it
        // may still be rolled back the committed read answers LOCK_BUSY, and after a rollback the order is created anew
        if (orderRepository.findOrder(orderId).isPresent() && orderRepository.findCommittedOrder(orderId).isPresent()) {
            throw new BizException(ErrorCode.ORDER_ALREADY_EXISTS, "order " + orderId + " already exists");
        }
        List<OrderItem> items = orderItems(orderId, mergeQuantities(request.getOrderItemRequestList()));
        int totalAmount = OrderAmounts.total(items.stream()
                        .map(item -> new OrderAmounts.Line(item.skuCode(), item.salePrice(), item.saleQuantity())).toList(), Checks.MAX_AMOUNT)
                .orElseThrow(() -> BizException.invalid("order amount exceeds " + Checks.MAX_AMOUNT));

        Order order = Order.created(orderId, request.getUserId(), request.getBusinessIdentifier(), request.getOrderType(),
                request.getCouponId(), totalAmount, Instant.now().plus(orderProperties.getPayTimeout()));
        Order created = createOrderGlobalTransaction.createOrder(order, items, request.getPayAmount());

        payOrderTimeoutService.sendPayOrderTimeoutDelayMessage(created);
        CreateOrderDTO dto = new CreateOrderDTO();
        dto.setOrderId(orderId);
        dto.setPayAmount(created.payAmount());
        dto.setExpireTime(Date.from(created.expireTime()));
        return dto;
    }

    private List<OrderItem> orderItems(String orderId, Map<String, Integer> quantities) {
        Map<String, ProductSku> skus = orderRepository.findSkus(quantities.keySet()).stream()
                .collect(Collectors.toMap(ProductSku::skuCode, Function.identity()));
        List<OrderItem> items = new ArrayList<>();
        quantities.forEach((skuCode, quantity) -> {
            ProductSku sku = skus.get(skuCode);
            if (sku == null) {
                throw new BizException(ErrorCode.PRODUCT_SKU_NOT_FOUND, "sku " + skuCode + " does not exist");
            }
            long amount = new OrderAmounts.Line(skuCode, sku.salePrice(), quantity).amount();
            if (amount > Checks.MAX_AMOUNT) {
                throw BizException.invalid("order amount exceeds " + Checks.MAX_AMOUNT);
            }
            items.add(new OrderItem(orderId + "-" + (items.size() + 1), orderId, skuCode, sku.productName(), sku.salePrice(),
                    quantity, (int) amount));
        });
        return items;
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
}
