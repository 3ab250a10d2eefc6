package com.eshop.consistency.bench;

/** A seeded order and the ids of its rows in the other services' databases. */
record BenchOrder(String orderId, String userId, String couponId, String outTradeNo, String fulfillId,
                  String deliveryOrderId, String logisticOrderId, int skuGroup) {
    static BenchOrder of(String runTag, int index) {
        return new BenchOrder(runTag + "-F" + index, runTag + "-U" + index, runTag + "-C" + index,
                runTag + "-T" + index, runTag + "-FO" + index, runTag + "-DO" + index, runTag + "-LO" + index,
                index % FloorSeed.SKU_GROUPS);
    }
}
