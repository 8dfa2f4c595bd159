package dev.authfeedback.domain.port.out;

import java.util.function.Consumer;

/**
 * Whether a storage can serve calls now. A store on a database that is down cannot: readiness
 * probes answer this, and listeners hear of every change (to take a server out of a load
 * balancer's rotation and back).
 */
public interface StoreHealth {

    /** A storage that is always usable, such as one in memory. */
    StoreHealth ALWAYS_USABLE = new StoreHealth() {
        @Override
        public boolean usable() {
            return true;
        }

        @Override
        public void onChange(Consumer<Boolean> listener) {
            // never changes
        }
    };

    /** True while calls can succeed; false while the storage is known to be unreachable. */
    boolean usable();

    /** Calls {@code listener} with the new {@link #usable()} at each change, on the thread that saw it. */
    void onChange(Consumer<Boolean> listener);
}
