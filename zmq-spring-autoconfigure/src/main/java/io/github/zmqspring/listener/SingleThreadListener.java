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

package io.github.zmqspring.listener;

import java.time.Duration;

/**
 * A listener with one thread: it owns the socket facing peers and calls the method
 * itself, with no hand-off.
 */
final class SingleThreadListener implements ListenerThreads {

	private final FrontendWorker worker;

	SingleThreadListener(FrontendWorker worker) {
		this.worker = worker;
	}

	@Override
	public void start(Duration timeout) {
		this.worker.start(timeout);
	}

	@Override
	public void requestStop() {
		this.worker.requestStop();
	}

	@Override
	public boolean awaitStop(Duration timeout) {
		return this.worker.awaitStop(timeout);
	}

	@Override
	public boolean isServing() {
		return !this.worker.isTerminated();
	}

}
