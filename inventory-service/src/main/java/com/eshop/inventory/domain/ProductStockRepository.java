package com.eshop.inventory.domain;

import java.util.Optional;

/** Stock rows. Every change is one conditional update: false means the condition did not hold and nothing changed. */
public interface ProductStockRepository {
    Optional<ProductStock> findBySkuCode(String skuCode);

    /** sale -= q, locked += q, only if sale >= q. */
    boolean lock(String skuCode, int quantity);

    /** sale += q, locked -= q, only if locked >= q. */
    boolean release(String skuCode, int quantity);

    /** locked -= q, saled += q, only if locked >= q. */
    boolean deduct(String skuCode, int quantity);
}
