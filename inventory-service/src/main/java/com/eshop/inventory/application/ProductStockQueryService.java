package com.eshop.inventory.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.inventory.ProductStockDTO;
import com.eshop.inventory.domain.ProductStock;
import com.eshop.inventory.domain.ProductStockRepository;
import com.eshop.inventory.domain.StockLogRepository;
import com.eshop.inventory.domain.StockLogStatus;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** Reads of stock: a SKU's quantities, and whether an order still holds locked stock. */
@Service
@RequiredArgsConstructor
public class ProductStockQueryService {
    private final ProductStockRepository stockRepository;
    private final StockLogRepository logRepository;

    public Boolean holdsLockedStock(String orderId) {
        Checks.id(orderId, "orderId");
        return logRepository.findByOrderId(orderId).stream().anyMatch(l -> l.status() == StockLogStatus.LOCKED);
    }

    public ProductStockDTO getProductStock(String skuCode) {
        Checks.id(skuCode, "skuCode");
        ProductStock stock = stockRepository.findBySkuCode(skuCode)
                .orElseThrow(() -> new BizException(ErrorCode.PRODUCT_STOCK_NOT_FOUND, "no stock for sku " + skuCode));
        ProductStockDTO dto = new ProductStockDTO();
        dto.setSkuCode(stock.skuCode());
        dto.setSaleStockQuantity(stock.saleStockQuantity());
        dto.setLockedStockQuantity(stock.lockedStockQuantity());
        dto.setSaledStockQuantity(stock.saledStockQuantity());
        return dto;
    }
}
