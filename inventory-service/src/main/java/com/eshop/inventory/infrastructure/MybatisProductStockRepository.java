package com.eshop.inventory.infrastructure;

import com.eshop.inventory.domain.ProductStock;
import com.eshop.inventory.domain.ProductStockRepository;
import com.eshop.inventory.infrastructure.dataobject.ProductStockDO;
import com.eshop.inventory.infrastructure.mapper.ProductStockMapper;
import org.springframework.stereotype.Repository;

import java.util.Optional;

@Repository
public class MybatisProductStockRepository implements ProductStockRepository {
    private final ProductStockMapper mapper;

    public MybatisProductStockRepository(ProductStockMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<ProductStock> findBySkuCode(String skuCode) {
        return Optional.ofNullable(mapper.selectBySkuCode(skuCode)).map(MybatisProductStockRepository::toDomain);
    }

    @Override
    public boolean lock(String skuCode, int quantity) {
        return mapper.lockStock(skuCode, quantity) == 1;
    }

    @Override
    public boolean release(String skuCode, int quantity) {
        return mapper.releaseStock(skuCode, quantity) == 1;
    }

    @Override
    public boolean deduct(String skuCode, int quantity) {
        return mapper.deductStock(skuCode, quantity) == 1;
    }

    private static ProductStock toDomain(ProductStockDO row) {
        return new ProductStock(row.getSkuCode(), row.getProductName(), row.getSaleStockQuantity(),
                row.getLockedStockQuantity(), row.getSaledStockQuantity());
    }
}
