import { act, fireEvent, render, screen } from '@testing-library/react';
import { FullscreenButton } from './FullscreenButton';

/** jsdom has no Fullscreen API: a stand-in with the same shape. */
function fakeFullscreen(enabled = true) {
  let element: Element | null = null;
  Object.defineProperty(document, 'fullscreenEnabled', { configurable: true, get: () => enabled });
  Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => element });
  const request = jest.fn(() => {
    element = document.documentElement;
    document.dispatchEvent(new Event('fullscreenchange'));
    return Promise.resolve();
  });
  document.documentElement.requestFullscreen = request;
  const exit = () => {
    element = null;
    document.dispatchEvent(new Event('fullscreenchange'));
  };
  return { request, exit };
}

describe('FullscreenButton', () => {
  it('enters full screen on a click and hides while there, coming back when the wall leaves it', () => {
    const { request, exit } = fakeFullscreen();
    render(<FullscreenButton />);
    act(() => {
      fireEvent.click(screen.getByTestId('wall-fullscreen'));
    });
    expect(request).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('wall-fullscreen')).toBeNull();
    act(() => {
      exit();
    });
    expect(screen.getByTestId('wall-fullscreen').textContent).toContain('全屏');
  });

  it('is not offered where the browser has no full screen to give', () => {
    fakeFullscreen(false);
    render(<FullscreenButton />);
    expect(screen.queryByTestId('wall-fullscreen')).toBeNull();
  });
});
