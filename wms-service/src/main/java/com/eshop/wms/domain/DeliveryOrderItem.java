package com.eshop.wms.domain;

public record DeliveryOrderItem(String skuCode, int pickQuantity) {
}
