package com.eshop.stack;

import com.eshop.common.api.InternalApiSignature;
import com.eshop.common.api.fulfill.FulfillApi;
import com.eshop.common.api.inventory.InventoryApi;
import com.eshop.common.api.market.MarketApi;
import com.eshop.common.api.ops.OrderTimelineApi;
import com.eshop.common.api.order.AfterSaleApi;
import com.eshop.common.api.order.OrderApi;
import com.eshop.common.api.order.OrderInternalApi;
import com.eshop.common.api.pay.PayApi;
import com.eshop.common.api.tms.TmsApi;
import com.eshop.common.api.wms.WmsApi;
import org.apache.dubbo.config.ApplicationConfig;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.config.RegistryConfig;
import org.apache.dubbo.config.bootstrap.DubboBootstrap;
import org.apache.dubbo.rpc.RpcContext;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A Dubbo consumer of every API of the suite, found through the registry exactly as any client finds them.
 * Used by the demo, the system tests and the workload driver. It signs every call with the stack's internal-API
 * secret ({@link LocalStack#internalApiSecret()}), as the suite's own services sign theirs, so it may call the
 * internal APIs too; what the registry shows is not enough for that.
 */
public final class SuiteClient implements AutoCloseable {
    public static final String VERSION = "1.0.0";
    private static final Duration PROVIDER_WAIT = Duration.ofSeconds(60);

    private final DubboBootstrap bootstrap;
    private final String internalApiSecret;
    public final OrderApi orderApi;
    public final OrderInternalApi orderInternalApi;
    public final AfterSaleApi afterSaleApi;
    public final OrderTimelineApi orderTimelineApi;
    public final FulfillApi fulfillApi;
    public final WmsApi wmsApi;
    public final TmsApi tmsApi;
    public final MarketApi marketApi;
    public final InventoryApi inventoryApi;
    public final PayApi payApi;

    public SuiteClient(String registryAddress, String internalApiSecret) {
        this.internalApiSecret = internalApiSecret;
        // keep Dubbo on loopback (docs/local-stack-notes.md "Network"): a real system property, read before Dubbo starts
        System.setProperty("dubbo.network.interface.ignored", ".*");
        System.setProperty("dubbo.application.service-discovery.migration", "FORCE_INTERFACE");
        ApplicationConfig application = new ApplicationConfig("suite-client");
        application.setQosEnable(false);
        application.setRegisterMode("interface");
        RegistryConfig registry = new RegistryConfig(registryAddress);
        registry.setTimeout(15_000);
        bootstrap = DubboBootstrap.newInstance().application(application).registry(registry);
        ReferenceConfig<OrderApi> order = reference(OrderApi.class);
        ReferenceConfig<OrderInternalApi> orderInternal = reference(OrderInternalApi.class);
        ReferenceConfig<AfterSaleApi> afterSale = reference(AfterSaleApi.class);
        ReferenceConfig<OrderTimelineApi> orderTimeline = reference(OrderTimelineApi.class);
        ReferenceConfig<FulfillApi> fulfill = reference(FulfillApi.class);
        ReferenceConfig<WmsApi> wms = reference(WmsApi.class);
        ReferenceConfig<TmsApi> tms = reference(TmsApi.class);
        ReferenceConfig<MarketApi> market = reference(MarketApi.class);
        ReferenceConfig<InventoryApi> inventory = reference(InventoryApi.class);
        ReferenceConfig<PayApi> pay = reference(PayApi.class);
        bootstrap.start();
        orderApi = signed(order);
        orderInternalApi = signed(orderInternal);
        afterSaleApi = signed(afterSale);
        orderTimelineApi = signed(orderTimeline);
        fulfillApi = signed(fulfill);
        wmsApi = signed(wms);
        tmsApi = signed(tms);
        marketApi = signed(market);
        inventoryApi = signed(inventory);
        payApi = signed(pay);
        awaitProviders(List.of(order, orderInternal, afterSale, orderTimeline, fulfill, wms, tms, market, inventory, pay), PROVIDER_WAIT);
    }

    /**
     * The registry notifies a new consumer asynchronously: until it has, every call fails with "No provider
     * available". A client is only handed out once it sees a provider of every API.
     */
    private static void awaitProviders(List<ReferenceConfig<?>> references, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        for (ReferenceConfig<?> reference : references) {
            while (!reference.getInvoker().isAvailable()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no provider of " + reference.getInterface() + " in the registry after "
                            + within.toSeconds() + " s");
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for providers", e);
                }
            }
        }
    }

    private <T> ReferenceConfig<T> reference(Class<T> type) {
        ReferenceConfig<T> reference = new ReferenceConfig<>();
        reference.setInterface(type);
        reference.setVersion(VERSION);
        reference.setCheck(false);
        reference.setRetries(0);
        reference.setTimeout(30_000);
        bootstrap.reference(reference);
        return reference;
    }

    /** The reference, each call signed as the services' InternalApiSigningFilter signs theirs (InternalApiSignature). */
    private <T> T signed(ReferenceConfig<T> reference) {
        Class<?> api = reference.getInterfaceClass();
        T target = reference.get();
        Object proxy = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[]{api}, (self, method, args) -> {
            if (method.getDeclaringClass() != Object.class) {
                InternalApiSignature.attachments(internalApiSecret, Instant.now().getEpochSecond(), api.getName(), method.getName())
                        .forEach(RpcContext.getClientAttachment()::setAttachment);
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        @SuppressWarnings("unchecked")
        T typed = (T) proxy;
        return typed;
    }

    @Override
    public void close() {
        bootstrap.stop();
    }
}
