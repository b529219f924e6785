/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.zmqspring.guard;

import java.util.concurrent.TimeUnit;

import io.github.zmqspring.autoconfigure.ZmqProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The receive limits: defaults, what {@code zmq.context.*} makes of them, and refusal of
 * limits that would refuse everything.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class ReceiveLimitsTests {

	@Test
	void propertiesDefaultToTheDocumentedLimits() {
		ReceiveLimits limits = new ZmqProperties().getContext().toReceiveLimits();
		assertThat(limits).isEqualTo(ReceiveLimits.defaults());
		assertThat(limits.receiveBudget()).isEqualTo(Runtime.getRuntime().maxMemory() / 4);
		assertThat(limits.socketReceiveBudget()).isEqualTo(limits.receiveBudget() / 4);
		assertThat(limits.maxFrames()).isEqualTo(ReceiveLimits.DEFAULT_MAX_FRAMES).isEqualTo(64);
		assertThat(limits.maxMultipartSize()).isEqualTo(ReceiveLimits.DEFAULT_MAX_MULTIPART_SIZE)
			.isEqualTo(16L * 1024 * 1024);
	}

	@Test
	void socketBudgetDefaultsToAQuarterOfAConfiguredContextBudget() {
		ZmqProperties.Context context = new ZmqProperties().getContext();
		context.setReceiveBudget(DataSize.ofMegabytes(64));
		assertThat(context.toReceiveLimits().socketReceiveBudget()).isEqualTo(DataSize.ofMegabytes(16).toBytes());
		context.setSocketReceiveBudget(DataSize.ofMegabytes(8));
		assertThat(context.toReceiveLimits().socketReceiveBudget()).isEqualTo(DataSize.ofMegabytes(8).toBytes());
	}

	@Test
	void limitsThatWouldRefuseEverythingAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReceiveLimits(0, 1, 1, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new ReceiveLimits(1, 1, 0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new ReceiveLimits(1, 1, 1, 0));
		ZmqProperties.Context context = new ZmqProperties().getContext();
		context.setMaxFrames(0);
		assertThatIllegalArgumentException().isThrownBy(context::toReceiveLimits)
			.withMessageContaining("zmq.context.max-frames must be positive");
	}

}
